namespace OrleansPlatform.Imports;

/// <summary>Positions of the columns in the canonical header; household columns first, then member columns.</summary>
internal static class HouseholdColumns
{
    public const int HouseholdId = 0;
    public const int VillageCode = 1;
    public const int Standard = 2;
    public const int Category = 3;
    public const int PrimaryCause = 4;
    public const int OtherCauses = 5;
    public const int Phone = 6;
    public const int HousingSafe = 7;
    public const int HousingStructure = 8;
    public const int HousingAreaM2 = 9;
    public const int SafeDrinkingWater = 10;
    public const int Electricity = 11;
    public const int Broadband = 12;
    public const int FoodSecure = 13;
    public const int ClothingSecure = 14;
    public const int Incomes = 15;
    public const int Name = 16;
    public const int IdNumber = 17;
    public const int Sex = 18;
    public const int Relation = 19;
    public const int BirthDate = 20;
    public const int Education = 21;
    public const int InSchool = 22;
    public const int Health = 23;
    public const int Labour = 24;
    public const int MedicalInsurance = 25;
    public const int CriticalIllnessInsurance = 26;
    public const int Count = 27;

    public static readonly string[] Names =
    [
        "householdId", "villageCode", "standard", "category", "primaryCause", "otherCauses", "phone",
        "housingSafe", "housingStructure", "housingAreaM2", "safeDrinkingWater", "electricity", "broadband",
        "foodSecure", "clothingSecure", "incomes",
        "name", "idNumber", "sex", "relation", "birthDate", "education", "inSchool", "health", "labour",
        "medicalInsurance", "criticalIllnessInsurance",
    ];
}
