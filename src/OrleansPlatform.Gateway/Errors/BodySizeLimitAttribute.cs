using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OrleansPlatform.Gateway.Errors;

/// <summary>
/// Refuses request bodies over <see cref="Bytes"/> with a 413 problem before anything is read: at
/// once when Content-Length says so, and through the server's own limit (Kestrel) for bodies sent
/// without a length.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BodySizeLimitAttribute(long bytes) : Attribute, IResourceFilter
{
    /// <summary>The limit of actions that name none.</summary>
    public const long DefaultBytes = 64 * 1024;

    /// <summary>Largest accepted body.</summary>
    public long Bytes { get; } = bytes;

    /// <summary>True for the limit registered for every action; an action's own limit takes its place.</summary>
    public bool IsDefault { get; init; }

    /// <inheritdoc/>
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        if (IsDefault && context.ActionDescriptor.EndpointMetadata.OfType<BodySizeLimitAttribute>().Any(a => !a.IsDefault))
        {
            return;
        }

        var http = context.HttpContext;
        if (http.Request.ContentLength > Bytes)
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = $"The body has {http.Request.ContentLength} bytes; at most {Bytes} are accepted.",
                Type = "https://httpstatuses.io/413",
                Extensions = { ["code"] = "body-too-large", ["traceId"] = http.TraceIdentifier },
            };
            context.Result = new ObjectResult(problem)
            {
                StatusCode = StatusCodes.Status413PayloadTooLarge,
                ContentTypes = { "application/problem+json" },
            };
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = Bytes;
        }
    }

    /// <inheritdoc/>
    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
