namespace OrleansPlatform.Errors;

/// <summary>Collects every problem with an input so that all of them are reported at once.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no problem was recorded.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records a problem with the field at <paramref name="path"/>.</summary>
    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list))
        {
            list = [];
            _errors[path] = list;
        }

        list.Add(message);
    }

    /// <summary>Throws a validation <see cref="DomainException"/> when any problem was recorded.</summary>
    public void ThrowIfAny()
    {
        if (IsEmpty)
        {
            return;
        }

        var errors = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        var fields = string.Join(", ", errors.Keys);
        throw new DomainException(DomainErrorKind.Validation, "validation", $"The input is invalid: {fields}.", errors);
    }
}
