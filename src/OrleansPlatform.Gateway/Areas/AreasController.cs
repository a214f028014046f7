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
    /// <summary>Most areas one <c>PUT /api/v1/areas</c> may carry.</summary>
    public const int MaxBatchSize = 1000;

    // Area writes in flight at once within one level of a batch.
    private const int BatchConcurrency = 16;

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

    /// <summary>
    /// Creates or updates up to <see cref="MaxBatchSize"/> areas in one request, parents before children
    /// whatever their order in the body. Every area is checked before any is written: a bad code, name
    /// or population or a repeated code is a 400 naming <c>areas[i].field</c>; an area outside the
    /// caller's jurisdiction is a 404 naming <c>areas[i].code</c>, as for a single area; a parent that
    /// neither exists nor is in the batch is a 422 naming <c>areas[i].parentCode</c>. In each case nothing
    /// is written. Sending the same areas again changes nothing.
    /// </summary>
    [HttpPut]
    [RequirePermission(Permission.Administer)]
    [ProducesResponseType<AreaBatchResult>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status404NotFound)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status422UnprocessableEntity)]
    public async Task<ActionResult<AreaBatchResult>> PutManyAsync(AreaBatchRequest request)
    {
        var areas = ValidateBatch(request?.Areas);
        HttpContext.Audit("area", $"{areas.Count} areas", CommonAncestor(areas.Select(a => a.Code))?.Value);
        await RequireParentsAsync(areas);

        var created = 0;
        foreach (var level in areas.GroupBy(a => a.Code.Level).OrderBy(g => g.Key))
        {
            await Parallel.ForEachAsync(level, new ParallelOptions { MaxDegreeOfParallelism = BatchConcurrency }, async (area, _) =>
            {
                var result = await cluster.GetGrain<IAreaGrain>(area.Code.Value).UpsertAsync(area.Input);
                if (result.Created)
                {
                    Interlocked.Increment(ref created);
                }
            });
        }

        return new AreaBatchResult(created, areas.Count - created);
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

    /// <summary>Every area of a batch parsed and checked on its own and against the others; throws a 400 listing every problem.</summary>
    private List<(int Index, AreaCode Code, AreaInput Input)> ValidateBatch(List<AreaBatchItem?>? items)
    {
        if (items is null || items.Count == 0)
        {
            throw DomainException.Invalid("areas", "At least one area is required.");
        }

        if (items.Count > MaxBatchSize)
        {
            throw DomainException.Invalid("areas", $"A batch holds at most {MaxBatchSize} areas, not {items.Count}.");
        }

        var caller = HttpContext.GetCaller();
        var errors = new ValidationErrors();
        var valid = new List<(int, AreaCode, AreaInput)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unreachable = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"areas[{i}]";
            if (items[i] is not { } item)
            {
                errors.Add(path, "An area is required here.");
                continue;
            }

            var ok = true;
            if (!AreaCode.TryParse(item.Code, out var code, out var codeError))
            {
                errors.Add($"{path}.code", codeError);
                ok = false;
            }
            else if (seen.TryGetValue(code.Value, out var first))
            {
                errors.Add($"{path}.code", $"Area {code} is already at areas[{first}].");
                ok = false;
            }
            else
            {
                seen[code.Value] = i;
                if (!caller.Reaches(code.Value))
                {
                    unreachable[$"{path}.code"] = [$"Area {code} does not exist."];
                    ok = false;
                }
            }

            var input = new AreaInput(item.Name, item.RuralPopulation);
            try
            {
                AreaRules.Validate(input);
            }
            catch (DomainException e) when (e.Errors is not null)
            {
                foreach (var (field, messages) in e.Errors)
                {
                    foreach (var message in messages)
                    {
                        errors.Add($"{path}.{field}", message);
                    }
                }

                ok = false;
            }

            if (ok)
            {
                valid.Add((i, code, input));
            }
        }

        errors.ThrowIfAny();

        // Outside the caller's jurisdiction reads as missing, as for a single area.
        if (unreachable.Count > 0)
        {
            throw new DomainException(DomainErrorKind.NotFound, "area.not-found", $"{unreachable.Count} area(s) do not exist.", unreachable);
        }

        return valid;
    }

    /// <summary>Throws a 422 naming every area whose parent is neither in the batch nor stored.</summary>
    private async Task RequireParentsAsync(List<(int Index, AreaCode Code, AreaInput Input)> areas)
    {
        var inBatch = areas.Select(a => a.Code.Value).ToHashSet(StringComparer.Ordinal);
        var outside = areas.Select(a => a.Code.Parent?.Value).OfType<string>().Where(p => !inBatch.Contains(p)).Distinct(StringComparer.Ordinal).ToList();
        var missing = new HashSet<string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(outside, new ParallelOptions { MaxDegreeOfParallelism = BatchConcurrency }, async (parent, _) =>
        {
            if (!await cluster.GetGrain<IAreaGrain>(parent).ExistsAsync())
            {
                lock (missing)
                {
                    missing.Add(parent);
                }
            }
        });

        if (missing.Count == 0)
        {
            return;
        }

        var errors = areas.Where(a => a.Code.Parent is { } parent && missing.Contains(parent.Value))
            .ToDictionary(a => $"areas[{a.Index}].parentCode", a => new[] { $"Area {a.Code.Parent} does not exist and is not in the batch." }, StringComparer.Ordinal);
        throw new DomainException(
            DomainErrorKind.Unprocessable,
            "area.parent-missing",
            $"{errors.Count} area(s) have a parent that does not exist; create it first or send it in the same batch.",
            errors);
    }

    /// <summary>The smallest area containing all of <paramref name="codes"/>, or null when only the whole country does.</summary>
    private static AreaCode? CommonAncestor(IEnumerable<AreaCode> codes)
    {
        var all = codes.ToList();
        AreaCode? candidate = all[0];
        while (candidate is { } c && !all.TrueForAll(c.Contains))
        {
            candidate = c.Parent;
        }

        return candidate;
    }
}
