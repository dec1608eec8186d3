using Microsoft.AspNetCore.Authorization;

namespace EdgeInfer.Edge.Security;

/// <summary>The authorization requirement of the policy for one <see cref="EdgeAccess"/> level (met by <see cref="EdgeAccessHandler"/>).</summary>
internal sealed record EdgeAccessRequirement(EdgeAccess Access) : IAuthorizationRequirement;
