/// What one collection did.
public struct CollectionStats: Sendable, Equatable {
    /// Bytes (cells and large-object pages) and objects that survived.
    public var liveBytes = 0
    public var liveObjects = 0
    public var freedBytes = 0
    public var objectsFreed = 0
    /// Bytes of pages handed back to the host (emptied blocks and dead large objects).
    public var releasedBytes = 0
    /// Wall time of the whole collection, marking included.
    public var pauseTime: Duration = .zero

    public init() {}
}
