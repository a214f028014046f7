using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using OrleansPlatform.Access;
using OrleansPlatform.Accounts;

namespace OrleansPlatform.Gateway.Access;

/// <summary>
/// Bearer tokens checked by the standard JwtBearer handler, either the gateway's own (HMAC key from
/// configuration) or an external OpenID Connect issuer's. Every token is then matched to its account
/// grain on each request, so disabling an account or changing its role takes effect at once.
/// </summary>
public static class PlatformAuthentication
{
    /// <summary>Cookie that may carry a token for the browser-only admin pages (GET only).</summary>
    public const string PageCookie = "platform_token";

    private static readonly string[] CookiePaths = ["/docs", "/openapi", "/dashboard"];

    /// <summary>Registers authentication, the permission policies and the token issuer.</summary>
    public static IServiceCollection AddPlatformAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddSingleton<TokenIssuer>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidAudience = options.Audience,
                ClockSkew = options.ClockSkew,
                NameClaimType = options.UsesExternalIssuer ? options.ExternalLoginClaim : PlatformClaims.Subject,
            };
            if (options.UsesExternalIssuer)
            {
                jwt.Authority = options.Authority;
                jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
            }
            else
            {
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = SigningKeys.From(options);
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            }

            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = context =>
                {
                    // Browsers cannot add a bearer header when opening the API page or the dashboard;
                    // for those read-only pages the token may come in a cookie.
                    var request = context.Request;
                    if (HttpMethods.IsGet(request.Method)
                        && request.Headers.Authorization.Count == 0
                        && CookiePaths.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
                    {
                        context.Token = request.Cookies[PageCookie];
                    }

                    return Task.CompletedTask;
                },
                OnTokenValidated = async context =>
                {
                    var login = context.Principal?.Identity?.Name;
                    if (string.IsNullOrEmpty(login))
                    {
                        context.Fail("The token names no account.");
                        return;
                    }

                    var cluster = context.HttpContext.RequestServices.GetRequiredService<IClusterClient>();
                    var principal = await cluster.GetGrain<IAccountGrain>(GrainKeys.Account(login)).GetPrincipalAsync();
                    if (principal is null)
                    {
                        context.Fail("The account is disabled or does not exist.");
                        return;
                    }

                    if (!options.UsesExternalIssuer
                        && context.Principal!.FindFirst(PlatformClaims.Stamp)?.Value != principal.SecurityStamp.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        context.Fail("The token was revoked: the account's password, role or area changed since it was issued.");
                        return;
                    }

                    context.HttpContext.SetCaller(principal.ToCaller());
                },
            };
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        return services;
    }

    /// <summary>
    /// Carries the authenticated caller into Orleans' request context so that it travels with every
    /// grain call of the request. Runs after authentication.
    /// </summary>
    public static IApplicationBuilder UseCallerContext(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.FindCaller() is { } caller)
        {
            CallerContext.Set(caller);
        }

        await next(context);
    });

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Enum.GetValues<Permission>())
        {
            builder.AddPolicy(RequirePermissionAttribute.PolicyName(permission), policy => policy
                .RequireAuthenticatedUser()
                .RequireAssertion(context => (context.Resource as HttpContext)?.FindCaller()?.Has(permission) == true));
        }

        return builder;
    }
}
