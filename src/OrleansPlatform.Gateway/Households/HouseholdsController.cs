using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrleansPlatform.Access;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Errors;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Households;

/// <summary>
/// Registered poor households (建档立卡), their status lifecycle and history. A household outside the
/// caller's jurisdiction answers 404 (the grain checks it); ID numbers and the phone are masked for
/// roles without the personal-data permission.
/// </summary>
[ApiController]
[Route("api/v1/households")]
public sealed class HouseholdsController(IClusterClient cluster) : ControllerBase
{
    /// <summary>Largest accepted request body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Registers a household (201) or, with If-Match carrying its current ETag, replaces its record (200).
    /// Without If-Match on an existing household: 428; with a stale one: 412.
    /// </summary>
    [HttpPut("{householdId}")]
    [RequirePermission(Permission.WriteHouseholds)]
    [BodySizeLimit(MaxBodyBytes)]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status200OK)]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status412PreconditionFailed)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status413PayloadTooLarge)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status428PreconditionRequired)]
    public async Task<ActionResult<HouseholdView>> PutAsync(string householdId, HouseholdRecord record)
    {
        HouseholdValidator.ValidateId(householdId);
        var ifMatch = ETags.ParseIfMatch(Request);
        HttpContext.Audit("household", householdId, record.VillageCode);
        var result = await Grain(householdId).PutAsync(record, ifMatch);
        Response.Headers.ETag = ETags.Of(result.Household.Version);
        var view = Present(result.Household);
        return result.Created
            ? CreatedAtAction("GetHousehold", new { householdId }, view)
            : Ok(view);
    }

    /// <summary>Returns the household with its derived status, income, guarantees and exit assessment; the ETag is its version.</summary>
    [HttpGet("{householdId}")]
    [ActionName("GetHousehold")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<HouseholdView>> GetAsync(string householdId)
    {
        HouseholdValidator.ValidateId(householdId);
        var view = await Grain(householdId).GetAsync()
            ?? throw new DomainException(DomainErrorKind.NotFound, "household.not-found", $"Household {householdId} does not exist.");
        Response.Headers.ETag = ETags.Of(view.Version);
        return Present(view);
    }

    /// <summary>
    /// Moves the household to another status: registered → exitProposed → exited → returnedToPoverty,
    /// any → removed (reason required). Illegal moves: 409; an exit whose standard is unmet: 422.
    /// </summary>
    [HttpPost("{householdId}/transitions")]
    [RequirePermission(Permission.WriteHouseholds)]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<HouseholdView>> TransitionAsync(string householdId, StatusTransition transition)
    {
        HouseholdValidator.ValidateId(householdId);
        var audit = HttpContext.Audit("household", householdId);
        var view = await Grain(householdId).TransitionAsync(transition);
        audit.AreaCode = view.Record.VillageCode;
        Response.Headers.ETag = ETags.Of(view.Version);
        return Present(view);
    }

    /// <summary>Every version of the household, newest first: time, actor, kind of change and field-level diff.</summary>
    [HttpGet("{householdId}/history")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<ResultPage<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResultPage<HistoryEntry>>> HistoryAsync(string householdId, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)
    {
        HouseholdValidator.ValidateId(householdId);
        Paging.Validate(page, pageSize, HouseholdGrain.MaxPageSize);
        var history = await Grain(householdId).GetHistoryAsync(page, pageSize);
        if (!history.Items.Any(HouseholdMasking.HasPersonalData))
        {
            return history;
        }

        // The history does not say where the household is; its current village decides.
        var village = (await Grain(householdId).GetAsync())?.Record.VillageCode;
        if (HttpContext.GetCaller().SeesPersonalDataOf(village))
        {
            HttpContext.AuditPersonalDataShown("household", householdId, village);
            return history;
        }

        return history with { Items = history.Items.Select(HouseholdMasking.Mask).ToList() };
    }

    /// <summary>The view as this caller may see it: unmasked (and audited) only with the personal-data permission in its area.</summary>
    private HouseholdView Present(HouseholdView view)
    {
        if (HttpContext.GetCaller().SeesPersonalDataOf(view.Record.VillageCode))
        {
            HttpContext.AuditPersonalDataShown("household", view.HouseholdId, view.Record.VillageCode);
            return view;
        }

        return HouseholdMasking.Mask(view);
    }

    private IHouseholdGrain Grain(string householdId) => cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId));
}
