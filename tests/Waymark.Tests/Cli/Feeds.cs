using System.Text.Json.Nodes;
using Waymark.Core.Directory;

namespace Waymark.Tests.Cli;

/// <summary>Builds valid ORUK service records as JSON, for tests to break one field at a time.</summary>
public static class Feeds
{
    public static Guid Id(string name) => Vocabulary.Uuid5(new Guid("9a1d4f7e-2b3c-4d5e-8f90-a1b2c3d4e5f6"), name);

    public static JsonObject Term(string code) => new()
    {
        ["id"] = Vocabulary.TermId(code).ToString(),
        ["name"] = code,
        ["description"] = code,
        ["taxonomy"] = "waymark",
        ["taxonomy_id"] = Vocabulary.TaxonomyId.ToString(),
        ["code"] = code,
    };

    public static JsonObject Service(string name, string? org = null, string? location = null)
    {
        var o = org ?? name + "-org";
        var l = location ?? name + "-location";
        return new JsonObject
        {
            ["id"] = Id(name).ToString(),
            ["name"] = $"{name} support group",
            ["description"] = "A peer support group.",
            ["status"] = "active",
            ["minimum_age"] = 18,
            ["assured_date"] = "2026-10-01",
            ["last_modified"] = "2026-10-01T09:00:00.000Z",
            ["organization"] = new JsonObject
            {
                ["id"] = Id(o).ToString(),
                ["name"] = $"{o} charity",
                ["description"] = "A small charity.",
                ["website"] = "https://example.org",
            },
            ["service_at_locations"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(name + "/sal").ToString(),
                ["location"] = new JsonObject
                {
                    ["id"] = Id(l).ToString(),
                    ["location_type"] = "physical",
                    ["name"] = "Community centre",
                    ["latitude"] = 53.3811,
                    ["longitude"] = -1.4701,
                    ["addresses"] = new JsonArray(new JsonObject
                    {
                        ["id"] = Id(l + "/address").ToString(),
                        ["address_1"] = "1 High Street",
                        ["city"] = "Sheffield",
                        ["state_province"] = "South Yorkshire",
                        ["postal_code"] = "S1 2HE",
                        ["country"] = "GB",
                        ["address_type"] = "physical",
                    }),
                },
                ["schedules"] = new JsonArray(new JsonObject
                {
                    ["id"] = Id(name + "/sal/schedule").ToString(),
                    ["freq"] = "WEEKLY",
                    ["byday"] = "TU",
                    ["opens_at"] = "18:30",
                    ["closes_at"] = "20:30",
                }),
            }),
            ["languages"] = new JsonArray(new JsonObject { ["id"] = Id(name + "/en").ToString(), ["name"] = "English", ["code"] = "en" }),
            ["contacts"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(name + "/contact").ToString(),
                ["name"] = "Group host",
                ["phones"] = new JsonArray(new JsonObject { ["id"] = Id(name + "/phone").ToString(), ["number"] = "0114 496 0000" }),
            }),
            ["attributes"] = new JsonArray(
                Attribute(name + "/a1", "format:group"),
                Attribute(name + "/a2", "delivery:in-person"),
                Attribute(name + "/a3", "expect:sessions", "ongoing")),
        };
    }

    public static JsonObject Attribute(string key, string code, string? value = null)
    {
        var a = new JsonObject { ["id"] = Id(key).ToString(), ["taxonomy_term"] = Term(code) };
        if (value is not null)
        {
            a["value"] = value;
        }
        return a;
    }

    public static JsonArray Array(params JsonObject[] services) => new([.. services]);
}
