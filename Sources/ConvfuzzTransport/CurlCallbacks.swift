import CCurl

/// `CURLOPT_WRITEFUNCTION`: `userdata` is an unretained ``TransferBuffer``.
/// Returning less than `size * nmemb` (0 here) makes curl abort with
/// `CURLE_WRITE_ERROR`, which ``CurlErrorMapping`` reports as `.responseTooLarge`.
func convfuzzCurlWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    let total = size * count
    guard let userdata else { return 0 }
    guard let data, total > 0 else { return total }
    let buffer = Unmanaged<TransferBuffer>.fromOpaque(userdata).takeUnretainedValue()
    return buffer.appendBody(UnsafeRawBufferPointer(start: data, count: total))
}

/// `CURLOPT_HEADERFUNCTION`: `userdata` is an unretained ``TransferBuffer``.
func convfuzzCurlHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    let total = size * count
    guard let userdata else { return 0 }
    guard let data, total > 0 else { return total }
    let buffer = Unmanaged<TransferBuffer>.fromOpaque(userdata).takeUnretainedValue()
    buffer.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: total))
    return total
}
