namespace EdgeInfer.Edge.Security;

/// <summary>What an API key may do at the edge.</summary>
public enum ApiKeyRole
{
    /// <summary>A device: catalog, status, inference and model downloads.</summary>
    Device,

    /// <summary>An operator: everything a device may do, plus the administrative endpoints and <c>/metrics</c>.</summary>
    Admin,
}
