import CCurl

/// One reusable curl easy handle with its error buffer and per-transfer state.
///
/// Options that never change are set once in `init`; `prepare` sets every
/// per-request option each time (no `curl_easy_reset`, so the handle keeps its
/// connection cache and live connections when used on its own). Used by one
/// thread at a time; the owning client serialises access.
final class EasyHandle {
    let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: OpaquePointer?
    private var buffer: TransferBuffer?
    private var url = ""
    private let configuration: TransportConfiguration

    init(configuration: TransportConfiguration) {
        CurlGlobal.ensure()
        guard let handle = curl_easy_init() else { fatalError("curl_easy_init failed (out of memory)") }
        self.handle = handle
        self.configuration = configuration
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        setFixedOptions()
    }

    deinit {
        if let headerList { curl_slist_free_all(UnsafeMutablePointer(headerList)) }
        curl_easy_cleanup(handle)
        errorBuffer.deallocate()
    }


    private func setFixedOptions() {
        let ms = { (seconds: Double) in max(1, Int((seconds * 1000).rounded(.up))) }
        _ = ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_PATH_AS_IS, 1)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, ms(configuration.connectTimeout))
        _ = ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, ms(configuration.totalTimeout))
        if configuration.lowSpeedLimit > 0, configuration.lowSpeedTime > 0 {
            _ = ccurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, configuration.lowSpeedLimit)
            _ = ccurl_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, configuration.lowSpeedTime)
        }
        _ = ccurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes))
        _ = ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
        // An empty proxy disables proxies even when http_proxy & co. are set,
        // so the request line is always origin-form and byte-exact.
        _ = ccurl_easy_setopt_string(handle, CURLOPT_PROXY, "")
        _ = ccurl_easy_setopt_string(handle, CURLOPT_USERAGENT, configuration.userAgent)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, UnsafeMutableRawPointer(errorBuffer))
        _ = ccurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, convfuzzCurlWrite)
        _ = ccurl_easy_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, convfuzzCurlHeader)
    }

    /// Sets the per-request options. Returns an error (and leaves nothing
    /// pending) when the request cannot be sent byte-exact.
    func prepare(_ request: HTTPRequest, batch: BatchByteBudget? = nil, timeout: Double? = nil) -> TransportError? {
        if let error = RequestValidator.urlError(request.url) ?? RequestValidator.requestError(request) {
            return error
        }
        releaseTransferState()
        errorBuffer[0] = 0
        url = request.url
        let code = request.url.withCString { ccurl_easy_setopt_string(handle, CURLOPT_URL, $0) }
        if code != CURLE_OK {
            return CurlErrorMapping.error(code: code, detail: errorText, url: url, elapsed: 0, buffer: TransferBuffer(limit: configuration.maxResponseBytes))
        }
        setMethod(request.method)
        setHeaders(request.headers)
        let buffer = TransferBuffer(limit: configuration.maxResponseBytes, batch: batch)
        self.buffer = buffer
        let seconds = min(configuration.totalTimeout, timeout ?? configuration.totalTimeout)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, max(1, Int((seconds * 1000).rounded(.up))))
        let context = Unmanaged.passUnretained(buffer).toOpaque()
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
        return nil
    }

    private func setMethod(_ method: String) {
        _ = ccurl_easy_setopt_long(handle, CURLOPT_HTTPGET, 1)
        switch method {
        case "GET":
            _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, nil)
        case "HEAD":
            _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, nil)
            _ = ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1)
        default:
            _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)
        }
    }

    private func setHeaders(_ headers: [HTTPHeader]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for header in headers {
            // "Name;" is curl's spelling of a header with an empty value.
            let line = header.value.isEmpty ? "\(header.name);" : "\(header.name): \(header.value)"
            list = curl_slist_append(list, line)
        }
        headerList = list.map(OpaquePointer.init)
        _ = ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, list)
    }

    /// Collects the outcome of the transfer started after `prepare`.
    func finish(_ code: CURLcode) -> Result<HTTPResponse, TransportError> {
        defer { releaseTransferState() }
        let buffer = self.buffer ?? TransferBuffer(limit: configuration.maxResponseBytes)
        let timings = HTTPTimings(
            connect: doubleInfo(CURLINFO_CONNECT_TIME),
            startTransfer: doubleInfo(CURLINFO_STARTTRANSFER_TIME),
            total: doubleInfo(CURLINFO_TOTAL_TIME)
        )
        guard code == CURLE_OK else {
            return .failure(CurlErrorMapping.error(code: code, detail: errorText, url: url, elapsed: timings.total, buffer: buffer,
                                                   lowSpeed: (configuration.lowSpeedLimit, configuration.lowSpeedTime)))
        }
        var status = 0
        _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var effective: UnsafeMutableRawPointer?
        _ = ccurl_easy_getinfo_pointer(handle, CURLINFO_EFFECTIVE_URL, &effective)
        let effectiveURL = effective.map { String(cString: $0.assumingMemoryBound(to: CChar.self)) } ?? url
        return .success(HTTPResponse(status: status, headers: buffer.headers, body: buffer.body, timings: timings, effectiveURL: effectiveURL))
    }

    /// Detaches the callbacks from the buffer and frees the header list.
    private func releaseTransferState() {
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, nil)
        _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, nil)
        _ = ccurl_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, nil)
        _ = ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 0)
        if let headerList { curl_slist_free_all(UnsafeMutablePointer(headerList)) }
        headerList = nil
        buffer = nil
    }

    private var errorText: String {
        String(cString: errorBuffer)
    }

    private func doubleInfo(_ info: CURLINFO) -> Double {
        var value = 0.0
        _ = ccurl_easy_getinfo_double(handle, info, &value)
        return value
    }
}
