using OrleansPlatform.Errors;

namespace OrleansPlatform.Areas;

/// <summary>One administrative area; keeps its name, population and the codes of its children.</summary>
public sealed class AreaGrain(
    [PersistentState("area", PlatformStorage.Name)] IPersistentState<AreaState> state)
    : Grain, IAreaGrain
{
    private AreaCode _code;

    private bool Exists => state.State.Name is not null;

    /// <inheritdoc/>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _code = AreaRules.ParseCode(this.GetPrimaryKeyString());
        if (Exists && !state.State.LinkedToParent)
        {
            await LinkToParentAsync();
        }

        await TellRosterAsync();
    }

    /// <inheritdoc/>
    public async Task<AreaUpsertResult> UpsertAsync(AreaInput input)
    {
        var name = AreaRules.Validate(input);
        var created = !Exists;
        var parent = _code.Parent;
        if (created && parent is { } parentCode
            && !await GrainFactory.GetGrain<IAreaGrain>(parentCode.Value).ExistsAsync())
        {
            throw new DomainException(
                DomainErrorKind.Unprocessable,
                "area.parent-missing",
                $"The parent area {parentCode} does not exist; create it first.",
                new Dictionary<string, string[]> { ["parentCode"] = [$"Area {parentCode} does not exist."] });
        }

        if (created || name != state.State.Name || input.RuralPopulation != state.State.RuralPopulation)
        {
            state.State.Name = name;
            state.State.RuralPopulation = input.RuralPopulation;
            await state.WriteStateAsync();
        }

        if (!state.State.LinkedToParent)
        {
            await LinkToParentAsync();
        }

        await TellRosterAsync();
        return new AreaUpsertResult(created, ToDetails());
    }

    /// <inheritdoc/>
    public Task<AreaDetails?> GetAsync() => Task.FromResult(Exists ? ToDetails() : null);

    /// <inheritdoc/>
    public Task<bool> ExistsAsync() => Task.FromResult(Exists);

    /// <inheritdoc/>
    public async Task<bool> AddChildAsync(string childCode)
    {
        if (!Exists)
        {
            return false;
        }

        var child = AreaRules.ParseCode(childCode);
        if (child.Parent != _code)
        {
            throw new ArgumentException($"Area {child} is not a direct child of {_code}.", nameof(childCode));
        }

        var children = state.State.Children;
        var index = children.BinarySearch(childCode, StringComparer.Ordinal);
        if (index < 0)
        {
            children.Insert(~index, childCode);
            await state.WriteStateAsync();
        }

        return true;
    }

    private async Task LinkToParentAsync()
    {
        if (_code.Parent is { } parent && !await GrainFactory.GetGrain<IAreaGrain>(parent.Value).AddChildAsync(_code.Value))
        {
            // Areas are never deleted, so a parent that existed when this area was created still does.
            throw new InvalidOperationException($"Parent area {parent} of {_code} vanished.");
        }

        state.State.LinkedToParent = true;
        await state.WriteStateAsync();
    }

    /// <summary>A village's roster counts its rural population into the statistics; told on every write and activation.</summary>
    private Task TellRosterAsync() =>
        Exists && _code.Level == AreaLevel.Village
            ? GrainFactory.GetGrain<Households.IVillageRosterGrain>(_code.Value).SetRuralPopulationAsync(state.State.RuralPopulation)
            : Task.CompletedTask;

    private AreaDetails ToDetails() => new(
        _code.Value,
        state.State.Name!,
        _code.Level,
        _code.Parent?.Value,
        state.State.Children.ToArray(),
        state.State.RuralPopulation);
}
