namespace EdgeInfer.Edge.Security;

/// <summary>Who may call an endpoint (chosen per endpoint by <see cref="EdgeAuthorization.AccessOf"/>).</summary>
public enum EdgeAccess
{
    /// <summary>Anyone: <c>/healthz</c>, <c>/readyz</c>, the OpenAPI document.</summary>
    Open,

    /// <summary>A device or admin key; anyone when anonymous access is on (no keys configured, or <c>--allow-anonymous</c>).</summary>
    Client,

    /// <summary><c>/metrics</c>: a device or admin key; without configured keys, loopback clients only.</summary>
    Metrics,

    /// <summary>Administrative endpoints: an admin key; without configured keys, loopback clients only.</summary>
    Admin,
}
