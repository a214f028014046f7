using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Households;
using OrleansPlatform.Households;
using OrleansPlatform.Silo.Audit;

namespace OrleansPlatform.Gateway.Audit;

/// <summary>The audit trail, for auditors and administrators, limited to their jurisdiction.</summary>
[ApiController]
[Route("api/v1/audit")]
[RequirePermission(Permission.ReadAudit)]
public sealed class AuditController(IAuditLog log) : ControllerBase
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>
    /// Audit records newest first: of <paramref name="areaCode"/> and below (default: the caller's
    /// whole jurisdiction), optionally by one actor and in [from, to).
    /// </summary>
    [HttpGet]
    [ProducesResponseType<ResultPage<AuditEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResultPage<AuditEntry>>> GetAsync(
        [FromQuery] string? areaCode,
        [FromQuery] string? actor,
        [FromQuery] DateTimeOffset? from,
        [FromQuery] DateTimeOffset? to,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50)
    {
        Paging.Validate(page, pageSize, MaxPageSize);
        if (from is not null && to is not null && from >= to)
        {
            throw DomainException.Invalid("to", "'to' must be later than 'from'.");
        }

        var caller = HttpContext.GetCaller();
        string? prefix;
        if (areaCode is not null)
        {
            var code = AreaRules.ParseCode(areaCode);
            HttpContext.RequireReach(code);
            prefix = code.Prefix;
        }
        else
        {
            prefix = caller.AreaCode is null ? null : AreaCode.Parse(caller.AreaCode).Prefix;
        }

        if (prefix is null && caller.Role != Role.SystemAdmin)
        {
            throw new DomainException(DomainErrorKind.Forbidden, "access.forbidden", "The account has no area.");
        }

        var (items, total) = await log.FindAsync(new AuditQuery(prefix, actor, from, to, page, pageSize), HttpContext.RequestAborted);
        return new ResultPage<AuditEntry>(items, page, pageSize, (int)Math.Min(total, int.MaxValue));
    }
}
