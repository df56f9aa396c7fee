/// The compiler's version, written into commit trailers and platform.lock.json.
public enum PlatformcVersion {
    public static let string = "0.1.0"
}
