using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Gateway.Households;
using OrleansPlatform.Households;

namespace OrleansPlatform.Gateway.Areas;

/// <summary>Administrative areas keyed by their 12-digit statistical division code.</summary>
[ApiController]
[Route("api/v1/areas")]
public sealed class AreasController(IClusterClient cluster) : ControllerBase
{
    /// <summary>Creates an area (201) or updates its name and population (200). Its parent must exist (422 otherwise).</summary>
    [HttpPut("{code}")]
    [RequirePermission(Permission.Administer)]
    [ProducesResponseType<AreaDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<AreaDetails>(StatusCodes.Status201Created)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<AreaDetails>> PutAsync(string code, AreaRequest request)
    {
        var areaCode = AreaRules.ParseCode(code);
        HttpContext.RequireReach(areaCode);
        HttpContext.Audit("area", areaCode.Value, areaCode.Value);
        var result = await cluster.GetGrain<IAreaGrain>(areaCode.Value)
            .UpsertAsync(new AreaInput(request.Name, request.RuralPopulation));
        return result.Created
            ? CreatedAtAction("Get", new { code = areaCode.Value }, result.Area)
            : Ok(result.Area);
    }

    /// <summary>Returns an area with its level, parent and children.</summary>
    [HttpGet("{code}", Name = "Get")]
    [ActionName("Get")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<AreaDetails>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AreaDetails>> GetAsync(string code)
    {
        var areaCode = AreaRules.ParseCode(code);
        HttpContext.RequireReach(areaCode);
        var area = await cluster.GetGrain<IAreaGrain>(areaCode.Value).GetAsync();
        return area ?? throw NotFound(areaCode);
    }

    /// <summary>The households of a village as summary rows, optionally filtered by status and primary cause.</summary>
    [HttpGet("{code}/households")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<ResultPage<HouseholdSummary>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ResultPage<HouseholdSummary>>> HouseholdsAsync(
        string code,
        [FromQuery] HouseholdStatus? status,
        [FromQuery] PovertyCause? cause,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 50)
    {
        var areaCode = AreaRules.ParseCode(code);
        HttpContext.RequireReach(areaCode);
        Paging.Validate(page, pageSize, VillageRosterGrain.MaxPageSize);
        if (!await cluster.GetGrain<IAreaGrain>(areaCode.Value).ExistsAsync())
        {
            throw NotFound(areaCode);
        }

        if (areaCode.Level != AreaLevel.Village)
        {
            throw DomainException.Invalid("code", $"Households are listed per village; {areaCode} is a {areaCode.Level.ToString().ToLowerInvariant()}.");
        }

        return await cluster.GetGrain<IVillageRosterGrain>(areaCode.Value).ListAsync(status, cause, page, pageSize);
    }

    private static DomainException NotFound(AreaCode code) => CallerAccess.AreaNotFound(code);
}
