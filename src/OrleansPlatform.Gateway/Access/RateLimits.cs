using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace OrleansPlatform.Gateway.Access;

/// <summary>
/// Request rate limits (configuration section <c>RateLimits</c>): sign-in attempts per client address,
/// and requests per account. Over the limit: 429 with Retry-After and a problem body.
/// </summary>
public sealed class RateLimits
{
    /// <summary>Configuration section.</summary>
    public const string Section = "RateLimits";

    /// <summary>Name of the token endpoint's policy.</summary>
    public const string TokenPolicy = "token";

    /// <summary>Sign-in attempts per client address per <see cref="Window"/>.</summary>
    public int TokenRequestsPerWindow { get; set; } = 10;

    /// <summary>Requests per account per <see cref="Window"/>.</summary>
    public int AccountRequestsPerWindow { get; set; } = 600;

    /// <summary>The window both limits count in.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Registers both limits.</summary>
    public static IServiceCollection AddPlatformRateLimits(IServiceCollection services, IConfiguration configuration)
    {
        var limits = configuration.GetSection(Section).Get<RateLimits>() ?? new RateLimits();
        return services.AddRateLimiter(options =>
        {
            options.AddPolicy(TokenPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => FixedWindow(limits.TokenRequestsPerWindow, limits.Window)));

            // Per account, once authentication has named the caller; anonymous requests reach only
            // health checks and the token endpoint, which has its own limit.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.FindCaller() is { } caller
                    ? RateLimitPartition.GetFixedWindowLimiter(caller.Login, _ => FixedWindow(limits.AccountRequestsPerWindow, limits.Window))
                    : RateLimitPartition.GetNoLimiter(string.Empty));

            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limits.Window;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests.",
                        Detail = $"The request rate limit is reached; retry after {seconds} s.",
                        Type = "https://httpstatuses.io/429",
                        Extensions = { ["code"] = "rate-limited" },
                    },
                });
            };
        });
    }

    private static FixedWindowRateLimiterOptions FixedWindow(int permits, TimeSpan window) => new()
    {
        PermitLimit = permits,
        Window = window,
        QueueLimit = 0,
    };
}
