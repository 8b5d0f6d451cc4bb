using System.Globalization;
using Waymark.Core.Gazetteer;

namespace Waymark.Tests.Core.Places;

/// <summary>The shipped place index for England: every council has its places, and a name gives one place, a choice, or the closest names.</summary>
public sealed class PlaceIndexTests
{
    private static readonly PlaceIndex Places = PlaceIndex.England;

    public static readonly TheoryData<string, string> YorkshireVillages = new()
    {
        { "Cononley", "North Yorkshire" },
        { "Kettlewell", "North Yorkshire" },
        { "Grassington", "North Yorkshire" },
        { "Goathland", "North Yorkshire" },
        { "Thixendale", "North Yorkshire" },
        { "Heptonstall", "Calderdale" },
        { "Mytholmroyd", "Calderdale" },
        { "Hooton Pagnell", "Doncaster" },
        { "Burghwallis", "Doncaster" },
        { "Burton Agnes", "East Riding of Yorkshire" },
        { "Sutton upon Derwent", "East Riding of Yorkshire" },
        { "Kirkburton", "Kirklees" },
        { "Bramhope", "Leeds" },
        { "Crigglestone", "Wakefield" },
        { "Ryhill", "Wakefield" },
        { "Wrawby", "North Lincolnshire" },
        { "Laceby", "North East Lincolnshire" },
        { "Haworth", "Bradford" },
        { "Oxenhope", "Bradford" },
        { "Copmanthorpe", "York" },
        { "Dungworth", "Sheffield" },
        { "Ulley", "Rotherham" },
        { "Cawthorne, Barnsley", "Barnsley" },
        { "Hull", "Kingston upon Hull" },
    };

    [Theory]
    [MemberData(nameof(YorkshireVillages))]
    public async Task Small_Yorkshire_villages_resolve_with_their_council(string name, string council)
    {
        var place = await new Gazetteer().ResolveAsync(name);

        Assert.NotNull(place);
        Assert.Equal(PlacePrecision.Place, place.Precision);
        Assert.Equal(council, place.LocalAuthority);
        // In or near Yorkshire and the Humber: a wrong datum or a swapped column would put it far away.
        Assert.InRange(place.Latitude, 53.3, 54.6);
        Assert.InRange(place.Longitude, -2.6, 0.2);
    }

    [Fact]
    public void Every_lower_tier_council_in_england_has_places_and_every_place_names_one()
    {
        var councils = Councils().Where(c => c.Tier != "county").ToList();
        var named = Places.All().Select(p => p.LocalAuthority).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(296, councils.Count);
        Assert.Empty(councils.Select(c => c.Name).Except(named));
        Assert.Empty(named.Except(councils.Select(c => c.Name)));
        string[] yorkshire = ["Barnsley", "Bradford", "Calderdale", "Doncaster", "East Riding of Yorkshire", "Kingston upon Hull", "Kirklees",
            "Leeds", "North East Lincolnshire", "North Lincolnshire", "North Yorkshire", "Rotherham", "Sheffield", "Wakefield", "York"];
        Assert.Equal(yorkshire, councils.Where(c => c.Region == "Yorkshire and The Humber").Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(yorkshire, c => Assert.True(Places.All().Count(p => p.LocalAuthority == c) >= 20, c));
    }

    [Fact]
    public void A_county_is_in_the_same_region_as_each_of_its_districts()
    {
        // The source registry once put Lincolnshire in Yorkshire and the Humber and Derbyshire in the West Midlands.
        var councils = Councils();
        var counties = councils.Where(c => c.Tier == "county").ToDictionary(c => c.Code);
        var districts = councils.Where(c => c.Parent.Length > 0).ToList();

        Assert.Equal(21, counties.Count);
        Assert.All(districts, d => Assert.Equal(d.Region, counties[d.Parent].Region));
        Assert.All(counties.Values, c => Assert.Contains(districts, d => d.Parent == c.Code));
    }

    [Fact]
    public void Every_name_the_previous_file_knew_still_finds_the_same_place()
    {
        // previous-places.csv: the 391 GeoNames-based places Waymark shipped before OS Open Names, unchanged.
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Core", "Places", "previous-places.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(OnspdImporter.SplitCsv).ToList();
        Assert.Equal(391, rows.Count);
        var asked = 0;
        Assert.All(rows, r =>
        {
            bool Same(GazetteerPlace p) => p.LocalAuthority == r[3]
                && Gazetteer.DistanceKm(double.Parse(r[1], CultureInfo.InvariantCulture), double.Parse(r[2], CultureInfo.InvariantCulture), p.Latitude, p.Longitude) < 3;
            var lookup = Places.Find(r[0]);
            if (lookup.Place is { } place)
            {
                Assert.True(Same(place), $"{r[0]} now finds {place.Label}");
                return;
            }
            // A name England shares (Acomb is in York and Northumberland): it is asked about, and the place is a choice.
            asked++;
            Assert.True(lookup.IsAmbiguous, $"{r[0]} no longer resolves");
            Assert.Contains(lookup.Candidates, Same);
        });
        Assert.InRange(asked, 1, 40);
    }

    [Fact]
    public void Every_place_is_found_again_by_its_label()
    {
        foreach (var place in Places.All())
        {
            Assert.Same(place, Places.Find(place.Label).Place);
        }
    }

    [Fact]
    public void A_repeated_name_gives_its_places_to_choose_from_each_told_apart()
    {
        var lookup = Places.Find("Newton");

        Assert.Null(lookup.Place);
        Assert.True(lookup.Candidates.Count > 20);
        Assert.All(lookup.Candidates, c => Assert.Equal("Newton", c.Name));
        Assert.Equal(lookup.Candidates.Count, lookup.Candidates.Select(c => c.Label).Distinct().Count());
        Assert.Contains(lookup.Candidates, c => c.Label == "Newton, Rugby");
        // Three Newtons in one council are told apart by where they are from the nearest town.
        var cheshire = lookup.Candidates.Where(c => c.LocalAuthority == "Cheshire West and Chester").Select(c => c.Label).ToList();
        Assert.Equal(3, cheshire.Count);
        Assert.All(cheshire, label => Assert.Matches("^Newton, (near [A-Z].*|[a-z-]+ of [A-Z].*), Cheshire West and Chester$", label));
    }

    [Fact]
    public void No_place_in_the_file_is_lost_for_want_of_words_to_tell_it_apart()
    {
        using var stream = typeof(PlaceIndex).Assembly.GetManifestResourceStream("Waymark.Core.gazetteer.places.csv")!;
        using var reader = new StreamReader(stream);
        var rows = 0;
        _ = reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 })
        {
            rows++;
        }

        Assert.True(rows > 30_000);
        Assert.Equal(rows, Places.Count);
    }

    [Theory]
    [InlineData("Newton, Rugby", "Rugby")]
    [InlineData("newton , rugby", "Rugby")]
    [InlineData("Newton (Rugby)", "Rugby")]
    [InlineData("Newton, Nottinghamshire", "Rushcliffe")]
    [InlineData("Preston (East Riding)", "East Riding of Yorkshire")]
    [InlineData("Wales (Rotherham)", "Rotherham")]
    [InlineData("Hatfield (Doncaster)", "Doncaster")]
    [InlineData("Bentley (Doncaster)", "Doncaster")]
    [InlineData("Newport (East Riding)", "East Riding of Yorkshire")]
    [InlineData("Bradfield (Sheffield)", "Sheffield")]
    [InlineData("Cantley (Doncaster)", "Doncaster")]
    [InlineData("Malton, Ryedale", "North Yorkshire")]
    [InlineData("Kinson, Bournemouth, Christchurch and Poole", "Bournemouth, Christchurch and Poole")]
    public void A_qualified_name_picks_one_place(string text, string council)
    {
        var place = Places.Find(text).Place;

        Assert.NotNull(place);
        Assert.Equal(council, place.LocalAuthority);
    }

    [Theory]
    [InlineData("Leeds", "Leeds")]
    [InlineData("Sheffield", "Sheffield")]
    [InlineData("Bradford", "Bradford")]
    [InlineData("Whitby", "North Yorkshire")]
    [InlineData("Preston", "Preston")]
    public void A_repeated_name_that_is_the_only_city_or_town_means_that_one(string name, string council)
    {
        Assert.Equal(council, Places.Find(name).Place?.LocalAuthority);
    }

    [Theory]
    [InlineData("Kettlewel", "Kettlewell")]
    [InlineData("Ketlewell", "Kettlewell")]
    [InlineData("Cononly", "Cononley")]
    [InlineData("Hebdon Bridge", "Hebden Bridge")]
    [InlineData("Skiptn", "Skipton")]
    [InlineData("Grassingt", "Grassington")]
    public void An_unknown_name_gets_the_closest_names(string typed, string meant)
    {
        var lookup = Places.Find(typed);

        Assert.Null(lookup.Place);
        Assert.Empty(lookup.Candidates);
        Assert.InRange(lookup.Suggestions.Count, 1, PlaceIndex.MaxSuggestions);
        Assert.Equal(meant, lookup.Suggestions[0]);
    }

    [Fact]
    public void A_name_like_nothing_we_know_gets_no_suggestions()
    {
        Assert.Empty(Places.Find("Atlantis").Suggestions);
        Assert.Empty(Places.Find("Xq").Suggestions);
    }

    [Theory]
    [InlineData("Stockton on Tees", "stockton-on-tees")]
    [InlineData("  St. Ives ", "St Ives")]
    [InlineData("Kings Lynn", "King's Lynn")]
    [InlineData("Bath & North East Somerset", "bath and north east somerset")]
    public void Names_compare_without_case_hyphens_stops_or_apostrophes(string a, string b) =>
        Assert.Equal(PlaceIndex.Key(a), PlaceIndex.Key(b));

    [Theory]
    [InlineData("kettlewell", "kettlewell", 0)]
    [InlineData("kettlewel", "kettlewell", 1)]
    [InlineData("kettelwell", "kettlewell", 1)]
    [InlineData("ketlewel", "kettlewell", 2)]
    [InlineData("leeds", "york", 4)] // more than the limit of 3: it gives up
    public void Edit_distance_counts_a_swap_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, PlaceIndex.Distance(a, b, 3));

    private static List<(string Code, string Name, string Tier, string Parent, string Region)> Councils()
    {
        using var stream = typeof(PlaceIndex).Assembly.GetManifestResourceStream("Waymark.Core.gazetteer.local-authorities.csv")!;
        using var reader = new StreamReader(stream);
        _ = reader.ReadLine();
        var rows = new List<(string, string, string, string, string)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = OnspdImporter.SplitCsv(line);
            rows.Add((f[0], f[1], f[2], f[3], f[4]));
        }
        return rows;
    }
}
