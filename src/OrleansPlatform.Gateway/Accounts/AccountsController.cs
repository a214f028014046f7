using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Access;
using OrleansPlatform.Accounts;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Errors;

namespace OrleansPlatform.Gateway.Accounts;

/// <summary>
/// User accounts, managed by administrators of a containing area: an administrator reaches accounts
/// of their own area and below (others answer 404) and only a system administrator makes system
/// administrators.
/// </summary>
[ApiController]
[Route("api/v1/accounts")]
[RequirePermission(Permission.ManageAccounts)]
public sealed class AccountsController(IClusterClient cluster) : ControllerBase
{
    /// <summary>
    /// Creates an account (201, with a generated initial password shown once) or changes it (200).
    /// <c>enabled: false</c> disables it: its tokens stop working at once, as they do when its role or area changes.
    /// </summary>
    [HttpPut("{login}")]
    [BodySizeLimit(16 * 1024)]
    [ProducesResponseType<AccountPutResponse>(StatusCodes.Status200OK)]
    [ProducesResponseType<AccountPutResponse>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status403Forbidden)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<AccountPutResponse>> PutAsync(string login, AccountInput input)
    {
        AccountRules.ValidateLogin(login);
        HttpContext.Audit("account", login, input.AreaCode);
        var result = await Grain(login).UpsertAsync(input);
        var response = new AccountPutResponse(result.Account, result.InitialPassword);
        return result.Created ? CreatedAtAction("GetAccount", new { login }, response) : Ok(response);
    }

    /// <summary>Returns an account of the caller's jurisdiction.</summary>
    [HttpGet("{login}")]
    [ActionName("GetAccount")]
    [ProducesResponseType<AccountView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AccountView>> GetAsync(string login)
    {
        AccountRules.ValidateLogin(login);
        return await Grain(login).GetAsync() ?? throw AccountRules.NotFound(login);
    }

    /// <summary>Sets a new password for an account (administrator reset); its tokens stop working and any lockout ends.</summary>
    [HttpPost("{login}/password")]
    [BodySizeLimit(4 * 1024)]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> ResetPasswordAsync(string login, PasswordReset reset)
    {
        AccountRules.ValidateLogin(login);
        var audit = HttpContext.Audit("account", login);
        var account = await Grain(login).GetAsync() ?? throw AccountRules.NotFound(login);
        audit.AreaCode = account.AreaCode;
        await Grain(login).SetPasswordAsync(reset.NewPassword!, currentPassword: null);
        return NoContent();
    }

    private IAccountGrain Grain(string login) => cluster.GetGrain<IAccountGrain>(GrainKeys.Account(login));
}
