using OrleansPlatform.Areas;

namespace OrleansPlatform.Access;

/// <summary>
/// Who is calling: an account's login, role and area. It travels with every grain call in Orleans'
/// request context (<see cref="CallerContext"/>), so grains check jurisdiction and record the actor.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansPlatform.Caller")]
public sealed record Caller(
    [property: Id(0)] string Login,
    [property: Id(1)] Role Role,
    [property: Id(2)] string? AreaCode)
{
    /// <summary>A platform process acting on its own (demo seed, imports started by the system), unrestricted.</summary>
    public static Caller System(string name) => new(name, Role.SystemAdmin, null);

    /// <summary>True when the role holds <paramref name="permission"/>.</summary>
    public bool Has(Permission permission) => Permissions.Has(Role, permission);

    /// <summary>True when <paramref name="areaCode"/> is the caller's area or lies below it; a system administrator reaches every area.</summary>
    public bool Reaches(string? areaCode)
    {
        if (Role == Role.SystemAdmin)
        {
            return true;
        }

        return AreaCode is not null
            && areaCode is not null
            && Areas.AreaCode.TryParse(AreaCode, out var own, out _)
            && Areas.AreaCode.TryParse(areaCode, out var target, out _)
            && own.Contains(target);
    }

    /// <summary>True when the caller may see unmasked personal data of an object in <paramref name="areaCode"/>.</summary>
    public bool SeesPersonalDataOf(string? areaCode) => Has(Permission.PersonalData) && Reaches(areaCode);
}
