using Microsoft.AspNetCore.Authorization;
using OrleansPlatform.Access;

namespace OrleansPlatform.Gateway.Access;

/// <summary>Lets only callers whose role holds <paramref name="permission"/> reach the action (403 otherwise).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class RequirePermissionAttribute(Permission permission) : AuthorizeAttribute(PolicyName(permission))
{
    /// <summary>The permission required.</summary>
    public Permission Permission { get; } = permission;

    /// <summary>The authorization policy that stands for <paramref name="permission"/>.</summary>
    public static string PolicyName(Permission permission) => "permission:" + permission;
}
