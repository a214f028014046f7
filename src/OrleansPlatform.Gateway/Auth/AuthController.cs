using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansPlatform.Accounts;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Errors;

namespace OrleansPlatform.Gateway.Auth;

/// <summary>Sign-in and the signed-in account.</summary>
[ApiController]
[Route("api/v1/auth")]
public sealed class AuthController(IClusterClient cluster, TokenIssuer issuer, IOptions<AuthOptions> options) : ControllerBase
{
    /// <summary>
    /// Exchanges login and password for a short-lived signed token. Wrong credentials: 401; after
    /// repeated failures the account is locked for a while (401 with code <c>account.locked</c>).
    /// Rate-limited per client address (429 with Retry-After). With <c>setCookie</c> the token is
    /// also set as an HttpOnly cookie that only the API page and the dashboard accept.
    /// </summary>
    [HttpPost("token")]
    [AllowAnonymous]
    [EnableRateLimiting(RateLimits.TokenPolicy)]
    [BodySizeLimit(4 * 1024)]
    [ProducesResponseType<TokenResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status429TooManyRequests)]
    public async Task<ActionResult<TokenResponse>> TokenAsync(TokenRequest request)
    {
        if (options.Value.UsesExternalIssuer)
        {
            throw new DomainException(DomainErrorKind.NotFound, "auth.external-issuer", $"Tokens are issued by {options.Value.Authority}; sign in there.");
        }

        var login = request.Login!.Trim().ToLowerInvariant();
        var result = await cluster.GetGrain<IAccountGrain>(GrainKeys.Account(login)).SignInAsync(request.Password!);
        if (result.Outcome != SignInOutcome.Succeeded)
        {
            return Refused(result);
        }

        var principal = result.Principal!;
        var (token, expiresAt) = issuer.Issue(principal);
        HttpContext.AuditAs(principal.Login, principal.Role.ToString(), "account", principal.Login, principal.AreaCode);
        if (request.SetCookie)
        {
            Response.Cookies.Append(PlatformAuthentication.PageCookie, token, new CookieOptions
            {
                HttpOnly = true,
                Secure = Request.IsHttps,
                SameSite = SameSiteMode.Strict,
                Expires = expiresAt,
            });
        }

        return new TokenResponse(token, "Bearer", (int)options.Value.TokenLifetime.TotalSeconds, expiresAt);
    }

    /// <summary>The signed-in account.</summary>
    [HttpGet("me")]
    [Authorize]
    [ProducesResponseType<AccountView>(StatusCodes.Status200OK)]
    public async Task<ActionResult<AccountView>> MeAsync()
    {
        var caller = HttpContext.GetCaller();
        return await cluster.GetGrain<IAccountGrain>(GrainKeys.Account(caller.Login)).GetAsync()
            ?? throw AccountRules.NotFound(caller.Login);
    }

    /// <summary>Changes the signed-in account's own password (the current one is required); its tokens stop working, so sign in again.</summary>
    [HttpPost("password")]
    [Authorize]
    [BodySizeLimit(4 * 1024)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public async Task<IActionResult> ChangePasswordAsync(PasswordChange change)
    {
        var caller = HttpContext.GetCaller();
        HttpContext.Audit("account", caller.Login, caller.AreaCode);
        await cluster.GetGrain<IAccountGrain>(GrainKeys.Account(caller.Login)).SetPasswordAsync(change.NewPassword!, change.CurrentPassword!);
        return NoContent();
    }

    private ObjectResult Refused(OrleansPlatform.Accounts.SignInResult result)
    {
        var (code, detail) = result.Outcome switch
        {
            SignInOutcome.LockedOut => ("account.locked", $"Too many failed sign-ins: the account is locked until {result.LockedUntil:O}."),
            SignInOutcome.Disabled => ("account.disabled", "The account is disabled."),
            _ => ("auth.invalid-credentials", "The login or password is wrong."),
        };
        var problem = ProblemDetailsFactory.CreateProblemDetails(HttpContext, StatusCodes.Status401Unauthorized, "Sign-in refused.", "https://httpstatuses.io/401", detail);
        problem.Extensions["code"] = code;
        return new ObjectResult(problem) { StatusCode = StatusCodes.Status401Unauthorized, ContentTypes = { "application/problem+json" } };
    }
}
