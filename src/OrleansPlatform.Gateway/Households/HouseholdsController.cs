using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Errors;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Households;

/// <summary>Registered poor households (建档立卡), their status lifecycle and history.</summary>
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
        var result = await Grain(householdId).PutAsync(record, ifMatch, Actors.Anonymous);
        Response.Headers.ETag = ETags.Of(result.Household.Version);
        return result.Created
            ? CreatedAtAction("GetHousehold", new { householdId }, result.Household)
            : Ok(result.Household);
    }

    /// <summary>Returns the household with its derived status, income, guarantees and exit assessment; the ETag is its version.</summary>
    [HttpGet("{householdId}")]
    [ActionName("GetHousehold")]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<HouseholdView>> GetAsync(string householdId)
    {
        HouseholdValidator.ValidateId(householdId);
        var view = await Grain(householdId).GetAsync()
            ?? throw new DomainException(DomainErrorKind.NotFound, "household.not-found", $"Household {householdId} does not exist.");
        Response.Headers.ETag = ETags.Of(view.Version);
        return view;
    }

    /// <summary>
    /// Moves the household to another status: registered → exitProposed → exited → returnedToPoverty,
    /// any → removed (reason required). Illegal moves: 409; an exit whose standard is unmet: 422.
    /// </summary>
    [HttpPost("{householdId}/transitions")]
    [ProducesResponseType<HouseholdView>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<HouseholdView>> TransitionAsync(string householdId, StatusTransition transition)
    {
        HouseholdValidator.ValidateId(householdId);
        var view = await Grain(householdId).TransitionAsync(transition, Actors.Anonymous);
        Response.Headers.ETag = ETags.Of(view.Version);
        return view;
    }

    /// <summary>Every version of the household, newest first: time, actor, kind of change and field-level diff.</summary>
    [HttpGet("{householdId}/history")]
    [ProducesResponseType<ResultPage<HistoryEntry>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResultPage<HistoryEntry>>> HistoryAsync(string householdId, [FromQuery] int page = 1, [FromQuery] int pageSize = 20)
    {
        HouseholdValidator.ValidateId(householdId);
        Paging.Validate(page, pageSize, HouseholdGrain.MaxPageSize);
        return await Grain(householdId).GetHistoryAsync(page, pageSize);
    }

    private IHouseholdGrain Grain(string householdId) => cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(householdId));
}
