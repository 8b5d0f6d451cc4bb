using System.Globalization;
using System.Text.Json;
using Waymark.Core.Directory;

namespace Waymark.Core.Oruk;

/// <summary>
/// A synthetic ORUK feed of plausible services spread over England, for load and scale tests. Everything is
/// drawn from seeded <see cref="Random"/>s and every id is a UUIDv5 of the seed and a counter (or of its service),
/// so the same seed always writes the same bytes. The services are fictional.
/// </summary>
public sealed class SyntheticDirectory
{
    private static readonly Guid Namespace = new("0b7c6d1e-3f2a-4c5b-9d8e-7f6a5b4c3d2e");

    // Town centres across England (approximate), with a postcode district for the addresses.
    private static readonly (string Town, string County, double Lat, double Lon, string District)[] Towns =
    [
        ("London", "Greater London", 51.5074, -0.1278, "EC1A"), ("Croydon", "Greater London", 51.3762, -0.0982, "CR0"),
        ("Birmingham", "West Midlands", 52.4862, -1.8904, "B1"), ("Coventry", "West Midlands", 52.4068, -1.5197, "CV1"),
        ("Wolverhampton", "West Midlands", 52.5862, -2.1288, "WV1"), ("Manchester", "Greater Manchester", 53.4808, -2.2426, "M1"),
        ("Bolton", "Greater Manchester", 53.5769, -2.4282, "BL1"), ("Stockport", "Greater Manchester", 53.4106, -2.1575, "SK1"),
        ("Liverpool", "Merseyside", 53.4084, -2.9916, "L1"), ("Leeds", "West Yorkshire", 53.8008, -1.5491, "LS1"),
        ("Bradford", "West Yorkshire", 53.7960, -1.7594, "BD1"), ("Wakefield", "West Yorkshire", 53.6833, -1.4977, "WF1"),
        ("Huddersfield", "West Yorkshire", 53.6458, -1.7850, "HD1"), ("Halifax", "West Yorkshire", 53.7248, -1.8658, "HX1"),
        ("Sheffield", "South Yorkshire", 53.3811, -1.4701, "S1"), ("Doncaster", "South Yorkshire", 53.5228, -1.1285, "DN1"),
        ("Rotherham", "South Yorkshire", 53.4302, -1.3568, "S60"), ("Barnsley", "South Yorkshire", 53.5526, -1.4797, "S70"),
        ("York", "North Yorkshire", 53.9600, -1.0873, "YO1"), ("Harrogate", "North Yorkshire", 53.9921, -1.5418, "HG1"),
        ("Scarborough", "North Yorkshire", 54.2831, -0.3998, "YO11"), ("Hull", "East Riding of Yorkshire", 53.7676, -0.3274, "HU1"),
        ("Grimsby", "Lincolnshire", 53.5675, -0.0802, "DN31"), ("Lincoln", "Lincolnshire", 53.2307, -0.5406, "LN1"),
        ("Newcastle upon Tyne", "Tyne and Wear", 54.9783, -1.6178, "NE1"), ("Sunderland", "Tyne and Wear", 54.9069, -1.3838, "SR1"),
        ("Middlesbrough", "North Yorkshire", 54.5742, -1.2350, "TS1"), ("Durham", "County Durham", 54.7761, -1.5733, "DH1"),
        ("Carlisle", "Cumbria", 54.8925, -2.9329, "CA1"), ("Lancaster", "Lancashire", 54.0466, -2.8007, "LA1"),
        ("Preston", "Lancashire", 53.7632, -2.7031, "PR1"), ("Blackpool", "Lancashire", 53.8175, -3.0357, "FY1"),
        ("Blackburn", "Lancashire", 53.7486, -2.4875, "BB1"), ("Chester", "Cheshire", 53.1934, -2.8931, "CH1"),
        ("Stoke-on-Trent", "Staffordshire", 53.0027, -2.1794, "ST1"), ("Derby", "Derbyshire", 52.9225, -1.4746, "DE1"),
        ("Nottingham", "Nottinghamshire", 52.9548, -1.1581, "NG1"), ("Leicester", "Leicestershire", 52.6369, -1.1398, "LE1"),
        ("Northampton", "Northamptonshire", 52.2405, -0.9027, "NN1"), ("Peterborough", "Cambridgeshire", 52.5695, -0.2405, "PE1"),
        ("Cambridge", "Cambridgeshire", 52.2053, 0.1218, "CB1"), ("Norwich", "Norfolk", 52.6309, 1.2974, "NR1"),
        ("Ipswich", "Suffolk", 52.0567, 1.1482, "IP1"), ("Colchester", "Essex", 51.8959, 0.8919, "CO1"),
        ("Chelmsford", "Essex", 51.7356, 0.4685, "CM1"), ("Luton", "Bedfordshire", 51.8787, -0.4200, "LU1"),
        ("Milton Keynes", "Buckinghamshire", 52.0406, -0.7594, "MK9"), ("Oxford", "Oxfordshire", 51.7520, -1.2577, "OX1"),
        ("Reading", "Berkshire", 51.4543, -0.9781, "RG1"), ("Southampton", "Hampshire", 50.9097, -1.4044, "SO14"),
        ("Portsmouth", "Hampshire", 50.8198, -1.0880, "PO1"), ("Brighton", "East Sussex", 50.8225, -0.1372, "BN1"),
        ("Canterbury", "Kent", 51.2802, 1.0789, "CT1"), ("Maidstone", "Kent", 51.2704, 0.5227, "ME14"),
        ("Guildford", "Surrey", 51.2362, -0.5704, "GU1"), ("Bristol", "Bristol", 51.4545, -2.5879, "BS1"),
        ("Bath", "Somerset", 51.3811, -2.3590, "BA1"), ("Gloucester", "Gloucestershire", 51.8642, -2.2382, "GL1"),
        ("Exeter", "Devon", 50.7184, -3.5339, "EX1"), ("Plymouth", "Devon", 50.3755, -4.1427, "PL1"),
        ("Truro", "Cornwall", 50.2632, -5.0510, "TR1"), ("Bournemouth", "Dorset", 50.7192, -1.8808, "BH1"),
        ("Swindon", "Wiltshire", 51.5558, -1.7797, "SN1"), ("Worcester", "Worcestershire", 52.1936, -2.2216, "WR1"),
        ("Hereford", "Herefordshire", 52.0565, -2.7160, "HR1"), ("Shrewsbury", "Shropshire", 52.7073, -2.7553, "SY1"),
    ];

    private static readonly string[] Kinds = ["Wellbeing Hub", "Peer Support Group", "Listening Service", "Counselling Service", "Crisis Café", "Recovery College", "Talking Space", "Drop-in", "Helpline", "Creative Wellbeing Group", "Student Support", "Safe Haven"];
    private static readonly string[] OrgWords = ["Mind", "Wellbeing Trust", "Community Partnership", "Health Foundation", "Listening Project", "Recovery Network", "Youth and Adult Services", "Peer Collective"];
    private static readonly string[] Streets = ["High Street", "Market Place", "Church Lane", "Station Road", "Victoria Road", "Queen Street", "Mill Lane", "Park Road", "King Street", "George Street"];
    private static readonly (string Code, string Name)[] Languages = [("en", "English"), ("ur", "Urdu"), ("pl", "Polish"), ("pa", "Punjabi"), ("bn", "Bengali"), ("ar", "Arabic"), ("so", "Somali"), ("ro", "Romanian")];
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    private readonly Random _random;

    /// <summary>Service areas are drawn from a stream of their own, so adding them changed nothing else the generator writes.</summary>
    private readonly Random _areas;
    private readonly int _seed;
    private long _counter;

    public SyntheticDirectory(int seed)
    {
        _seed = seed;
        _random = new Random(seed);
        _areas = new Random(unchecked((seed * 7919) + 17));
    }

    /// <summary>Writes N services as a compact JSON array of full ORUK services.</summary>
    public async Task WriteAsync(Stream output, int services, CancellationToken ct = default)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartArray();
        foreach (var service in Generate(services))
        {
            JsonSerializer.Serialize(json, OrukExport.ToOruk(service), OrukJson.Options);
            if (json.BytesPending > 1 << 16)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    public IEnumerable<Service> Generate(int services)
    {
        var organisations = new List<(Organization Org, int Home)>();
        var locations = new List<Location>();
        var assured = new DateOnly(2026, 11, 1);
        var modified = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        for (var n = 0; n < services; n++)
        {
            // About three services per organisation and two per location, each near its organisation's town.
            Organization org;
            int home;
            if (organisations.Count == 0 || _random.Next(3) == 0)
            {
                home = _random.Next(Towns.Length);
                org = NewOrganisation(home);
                organisations.Add((org, home));
                if (organisations.Count > 20)
                {
                    organisations.RemoveAt(0);
                }
            }
            else
            {
                (org, home) = organisations[organisations.Count - 1 - _random.Next(Math.Min(organisations.Count, 5))];
            }
            var delivery = Pick(["delivery:in-person", "delivery:phone", "delivery:online", "delivery:text", "delivery:home-visit"], 1, 3);
            var inPerson = delivery.Contains("delivery:in-person") || delivery.Contains("delivery:home-visit");
            var town = Towns[home];
            var kind = Kinds[_random.Next(Kinds.Length)];
            var id = NextId();
            var service = new Service
            {
                Id = id,
                OrganizationId = org.Id,
                Organization = org,
                Name = $"{town.Town} {kind} {n + 1}",
                Description = $"A fictional {kind.ToLowerInvariant()} in {town.Town} for adults who self-harm, generated for load testing.",
                Url = $"https://example.org/services/{n + 1}",
                Email = $"service{n + 1}@example.org",
                Status = _random.Next(20) == 0 ? ServiceStatus.Inactive : ServiceStatus.Active,
                MinimumAge = _random.Next(4) switch { 0 => 16, 1 => 18, 2 => 25, _ => null },
                MaximumAge = _random.Next(5) == 0 ? 25 + _random.Next(50) : null,
                AssuredDate = assured.AddDays(-_random.Next(700)),
                LastModified = modified.AddMinutes(-_random.Next(500_000)),
            };
            if (service.MinimumAge is { } min && service.MaximumAge is { } max && max < min)
            {
                service.MaximumAge = min + 10;
            }
            if (inPerson)
            {
                var sites = _random.Next(4) == 0 ? 2 : 1;
                for (var i = 0; i < sites; i++)
                {
                    Location location;
                    if (locations.Count > 0 && _random.Next(2) == 0)
                    {
                        location = locations[locations.Count - 1 - _random.Next(Math.Min(locations.Count, 3))];
                    }
                    else
                    {
                        location = NewLocation(town);
                        locations.Add(location);
                        if (locations.Count > 50)
                        {
                            locations.RemoveAt(0);
                        }
                    }
                    if (service.ServiceAtLocations.Any(x => x.LocationId == location.Id))
                    {
                        continue;
                    }
                    var sal = new ServiceAtLocation { Id = NextId(), ServiceId = id, LocationId = location.Id, Location = location };
                    sal.Schedules = [.. Openings(null, sal.Id)];
                    service.ServiceAtLocations.Add(sal);
                }
            }
            if (!inPerson || _random.Next(3) == 0)
            {
                service.Schedules = [.. Openings(id, null)];
            }
            var languages = Pick([.. Languages.Select(l => l.Code)], 1, 2);
            if (!languages.Contains("en"))
            {
                languages.Insert(0, "en");
            }
            service.Languages = [.. languages.Select(code => new Language { Id = NextId(), ServiceId = id, Code = code, Name = Languages.First(l => l.Code == code).Name })];
            var contactId = NextId();
            service.Contacts =
            [
                new Contact
                {
                    Id = contactId, ServiceId = id, Name = "Duty worker", Email = service.Email,
                    Phones = [new Phone { Id = NextId(), ContactId = contactId, Number = $"0{_random.Next(1000, 9999)} {_random.Next(100000, 999999)}", Type = "voice" }],
                },
            ];
            if (_random.Next(5) == 0)
            {
                service.CostOptions = [new CostOption { Id = NextId(), ServiceId = id, Option = "Per session", Amount = 5 + _random.Next(30), AmountDescription = "Reduced rates available" }];
            }

            var codes = new List<(string Code, string? Value)>();
            codes.AddRange(delivery.Select(c => (c, (string?)null)));
            var formats = Pick(["format:one-to-one", "format:group", "format:drop-in", "format:helpline", "format:self-help", "format:online-community"], 1, 2);
            codes.AddRange(formats.Select(c => (c, (string?)null)));
            codes.AddRange(Pick([.. Vocabulary.Family("delivered-by").Select(t => t.Code)], 1, 2).Select(c => (c, (string?)null)));
            codes.Add((Pick([.. Vocabulary.Family("access").Select(t => t.Code)], 1, 1)[0], null));
            codes.AddRange(Pick([.. Vocabulary.Family("support").Select(t => t.Code)], 1, 3).Select(c => (c, (string?)null)));
            if (_random.Next(2) == 0)
            {
                codes.AddRange(Pick([.. Vocabulary.Family("audience").Select(t => t.Code)], 1, 2).Select(c => (c, (string?)null)));
            }
            if (_random.Next(12) == 0)
            {
                codes.Add((Pick([.. Vocabulary.Family("eligibility").Select(t => t.Code)], 1, 1)[0], null));
            }
            codes.AddRange(Pick([.. Vocabulary.Family("access-needs").Select(t => t.Code)], 0, 3).Select(c => (c, (string?)null)));
            if (inPerson)
            {
                codes.Add((Pick([.. Vocabulary.Family("setting").Select(t => t.Code)], 1, 1)[0], null));
            }
            codes.Add((Pick([.. Vocabulary.Family("sector").Select(t => t.Code)], 1, 1)[0], null));
            codes.Add(("expect:session-minutes", (30 + 15 * _random.Next(5)).ToString(CultureInfo.InvariantCulture)));
            codes.Add(("expect:sessions", _random.Next(3) == 0 ? "ongoing" : (1 + _random.Next(12)).ToString(CultureInfo.InvariantCulture)));
            codes.Add(("expect:frequency", Vocabulary.Frequencies[_random.Next(Vocabulary.Frequencies.Count)]));
            codes.Add(("expect:first-contact", "A short chat about what you would like help with."));
            if (_random.Next(3) > 0)
            {
                codes.Add(("expect:typical-wait-days", _random.Next(0, 90).ToString(CultureInfo.InvariantCulture)));
            }
            if (_random.Next(3) == 0)
            {
                codes.Add(("schedule:closed-bank-holidays", null));
            }
            service.ServiceAreas = [.. AreasFor(id, town.Town, town.County)];
            service.Attributes = [.. codes.Select(c => new ServiceAttribute
            {
                Id = NextId(),
                ServiceId = id,
                TaxonomyTermId = Vocabulary.TermId(c.Code),
                TaxonomyTerm = OrukMapping.WaymarkTerm(Vocabulary.ByCode[c.Code]),
                Value = c.Value,
            })];
            yield return service;
        }
    }

    /// <summary>
    /// Half the services of a town whose local authority (or county) the authority table knows are only for people living
    /// there, a few of them for a second authority as well; one in ten is open to all of England; the rest name no area.
    /// </summary>
    private IEnumerable<ServiceArea> AreasFor(Guid serviceId, string town, string county)
    {
        var draw = _areas.Next(10);
        if (draw == 0)
        {
            yield return new ServiceArea { Id = AreaId(serviceId, 0), ServiceId = serviceId, Name = "England", ExtentType = "national", Description = "England" };
            yield break;
        }
        if (draw > 5 || (Gazetteer.LocalAuthorities.Find(town) ?? Gazetteer.LocalAuthorities.Find(county)) is not { } home)
        {
            yield break;
        }
        yield return new ServiceArea { Id = AreaId(serviceId, 0), ServiceId = serviceId, Name = home.Name, ExtentType = "local_authority", Description = home.Name };
        if (draw == 1)
        {
            var all = Gazetteer.LocalAuthorities.All;
            var other = all[_areas.Next(all.Count)];
            if (other != home)
            {
                yield return new ServiceArea { Id = AreaId(serviceId, 1), ServiceId = serviceId, Name = other.Name, ExtentType = "local_authority", Description = other.Code };
            }
        }
    }

    private Organization NewOrganisation(int home)
    {
        var town = Towns[home];
        var org = new Organization
        {
            Id = NextId(),
            Name = $"{town.Town} {OrgWords[_random.Next(OrgWords.Length)]} {_counter}",
            Description = $"A fictional organisation based in {town.Town}.",
            Website = "https://example.org",
            Email = "hello@example.org",
        };
        if (_random.Next(3) == 0)
        {
            org.Identifiers = [new OrganizationIdentifier { Id = NextId(), OrganizationId = org.Id, IdentifierScheme = "GB-CHC", IdentifierType = "Charity number", Identifier = _random.Next(1_000_000, 1_200_000).ToString(CultureInfo.InvariantCulture) }];
        }
        return org;
    }

    private Location NewLocation((string Town, string County, double Lat, double Lon, string District) town)
    {
        var id = NextId();
        var location = new Location
        {
            Id = id,
            LocationType = "physical",
            Name = $"{town.Town} Community Centre {_counter}",
            // Within about 8 km of the town centre.
            Latitude = Math.Round(town.Lat + (_random.NextDouble() - 0.5) * 0.14, 5),
            Longitude = Math.Round(town.Lon + (_random.NextDouble() - 0.5) * 0.22, 5),
        };
        location.Addresses =
        [
            new Address
            {
                Id = NextId(), LocationId = id, Address1 = $"{1 + _random.Next(200)} {Streets[_random.Next(Streets.Length)]}", City = town.Town,
                StateProvince = town.County, PostalCode = $"{town.District} {_random.Next(1, 9)}{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}",
                Country = "GB", AddressType = "physical",
            },
        ];
        if (_random.Next(2) == 0)
        {
            location.Accessibility = [new Accessibility { Id = NextId(), LocationId = id, Description = "Step-free access and an accessible toilet." }];
        }
        return location;
    }

    private IEnumerable<Schedule> Openings(Guid? serviceId, Guid? salId)
    {
        Schedule Weekly(string days, string opens, string closes, string description) => new()
        {
            Id = NextId(), ServiceId = serviceId, ServiceAtLocationId = salId, Freq = "WEEKLY", ByDay = days, OpensAt = opens, ClosesAt = closes, Description = description,
        };
        switch (_random.Next(6))
        {
            case 0:
                yield return Weekly("MO,TU,WE,TH,FR", "09:00", "17:00", "Weekdays, daytime");
                break;
            case 1:
                var day = Days[_random.Next(5)];
                yield return Weekly(day, $"{17 + _random.Next(3)}:00", $"{20 + _random.Next(3)}:00", "Evening session");
                break;
            case 2:
                yield return Weekly(_random.Next(2) == 0 ? "SA" : "SA,SU", "10:00", "16:00", "Weekend");
                break;
            case 3:
                yield return Weekly(string.Join(',', Days), "00:00", "23:59", "24 hours, every day");
                break;
            case 4:
                yield return Weekly(_random.Next(2) == 0 ? "FR,SA" : "FR", "22:00", "02:00", "Late night, past midnight");
                break;
            default:
                yield return Weekly("MO,WE", "10:00", "13:00", "Mornings");
                yield return Weekly("TH", "18:00", "21:00", "Thursday evening");
                break;
        }
    }

    private List<string> Pick(string[] from, int min, int max)
    {
        var count = min + _random.Next(max - min + 1);
        var pool = from.ToList();
        var chosen = new List<string>(count);
        while (chosen.Count < count && pool.Count > 0)
        {
            var i = _random.Next(pool.Count);
            chosen.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return chosen;
    }

    // Not from the counter, so that the ids of everything else are what they were before services had areas.
    private static Guid AreaId(Guid serviceId, int n) => Vocabulary.Uuid5(Namespace, $"area/{serviceId:N}/{n.ToString(CultureInfo.InvariantCulture)}");

    private Guid NextId() => Vocabulary.Uuid5(Namespace, $"{_seed.ToString(CultureInfo.InvariantCulture)}/{++_counter}");
}
