/// The compiler's version, written into commit trailers and platform.lock.json.
package enum PlatformcVersion {
    package static let string = "0.1.0"
}
