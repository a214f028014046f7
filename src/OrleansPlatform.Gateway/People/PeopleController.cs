using Microsoft.AspNetCore.Mvc;
using OrleansPlatform.Gateway.Access;
using OrleansPlatform.Access;
using OrleansPlatform.Errors;
using OrleansPlatform.Gateway.Audit;
using OrleansPlatform.Households;
using OrleansPlatform.People;

namespace OrleansPlatform.Gateway.People;

/// <summary>Registered people, found by resident ID number.</summary>
[ApiController]
[Route("api/v1/people")]
public sealed class PeopleController(IClusterClient cluster) : ControllerBase
{
    /// <summary>
    /// The household that holds the person with this ID number. Needs the personal-data permission;
    /// a person in a household outside the caller's jurisdiction answers 404. Every lookup is audited.
    /// </summary>
    [HttpGet("{idNumber}")]
    [RequirePermission(Permission.PersonalData)]
    [ProducesResponseType<PersonHousehold>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<PersonHousehold>> GetAsync(string idNumber)
    {
        if (!ResidentId.TryParse(idNumber, out _, out _, out var error))
        {
            throw DomainException.Invalid("idNumber", error);
        }

        var notFound = new DomainException(DomainErrorKind.NotFound, "person.not-found", "No registered household holds this ID number.");
        var household = await cluster.GetGrain<IPersonGrain>(GrainKeys.Person(idNumber)).GetHouseholdAsync() ?? throw notFound;
        var view = await cluster.GetGrain<IHouseholdGrain>(GrainKeys.Household(household)).GetAsync() ?? throw notFound; // null outside the jurisdiction
        HttpContext.AuditPersonalDataShown("household", household, view.Record.VillageCode);
        return new PersonHousehold(idNumber, household);
    }
}

/// <summary>The household holding a person.</summary>
public sealed record PersonHousehold(string IdNumber, string HouseholdId);
