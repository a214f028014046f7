using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Access;
using OrleansPlatform.Areas;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Errors;
using OrleansPlatform.Statistics;

namespace OrleansPlatform.Gateway.Statistics;

/// <summary>Figures rolled up from village to province, and the consistency check that recounts them.</summary>
[ApiController]
public sealed class StatisticsController(IClusterClient cluster) : ControllerBase
{
    /// <summary>The figures of any area, served from grain memory.</summary>
    [HttpGet("api/v1/areas/{code}/stats")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<AreaStats>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<AreaStats>> GetAsync(string code)
    {
        var area = await ExistingAsync(code);
        return await StatsRouting.GetStatsAsync(cluster, AreaCode.Parse(area.Code));
    }

    /// <summary>The figures of each direct child of an area, for drill-down (a village has none).</summary>
    [HttpGet("api/v1/areas/{code}/stats/children")]
    [RequirePermission(Permission.ReadRegistry)]
    [ProducesResponseType<IReadOnlyList<AreaStats>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<AreaStats>>> ChildrenAsync(string code)
    {
        var area = await ExistingAsync(code);
        return await Task.WhenAll(area.Children.Select(child => StatsRouting.GetStatsAsync(cluster, AreaCode.Parse(child))));
    }

    /// <summary>
    /// Recounts an area from every registered household and reports any figure that differs from
    /// what is served. Reads the whole registry: meant for administrators and tests.
    /// </summary>
    [HttpGet("api/v1/admin/consistency/{code}")]
    [RequirePermission(Permission.Administer)]
    [ProducesResponseType<ConsistencyReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<ConsistencyReport>> ConsistencyAsync(string code)
    {
        var area = await ExistingAsync(code);
        return await cluster.GetGrain<IConsistencyGrain>(0).CheckAsync(area.Code);
    }

    private async Task<AreaDetails> ExistingAsync(string code)
    {
        var areaCode = AreaRules.ParseCode(code);
        HttpContext.RequireReach(areaCode);
        return await cluster.GetGrain<IAreaGrain>(areaCode.Value).GetAsync() ?? throw CallerAccess.AreaNotFound(areaCode);
    }
}
