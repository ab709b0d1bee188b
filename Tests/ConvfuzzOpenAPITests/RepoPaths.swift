import ConvfuzzTestSupport

/// The endpoint the OpenAPI tests import (the repository's paths are ``TestPaths``).
enum RepoPaths {
    static let endpoint = "/v1/convai/conversations"
}
