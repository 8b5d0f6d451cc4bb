using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Matching;
using Waymark.Tests.Core.Matching;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Pages.Guidance;

/// <summary>
/// From the student and manager guidance pages into the find journey: services for students and staff are found, and
/// a university's or employer's own (members-only) services show only to people who say they belong there.
/// </summary>
public sealed class GuidanceJourneyTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    private async Task<(ServiceGraph University, ServiceGraph Employer, ServiceGraph Open)> AddAsync(string tag)
    {
        var university = ServiceGraph.Named($"Counselling for our students {tag}").RunBy(Guid.NewGuid(), $"Test University {tag}")
            .With("delivery:phone", "format:one-to-one", "audience:students", "eligibility:students-only", "eligibility:members-only", "setting:university", "sector:education")
            .Area("Sheffield");
        var employer = ServiceGraph.Named($"Staff support line {tag}").RunBy(Guid.NewGuid(), $"Test Employer {tag}")
            .With("delivery:phone", "format:helpline", "audience:employees", "eligibility:employees-only", "eligibility:members-only", "sector:employer")
            .Area("Sheffield");
        var open = ServiceGraph.Named($"Peer group for students and workers {tag}").With("delivery:online", "format:group", "audience:students", "audience:employees");
        await using (var db = app.OpenDb())
        {
            db.Services.AddRange(university.Build(), employer.Build(), open.Build());
            await db.SaveChangesAsync();
        }
        await app.Services.GetRequiredService<DirectoryIndex>().RefreshAsync();
        return (university, employer, open);
    }

    private async Task<List<string>> ResultNamesAsync(HttpClient client, string query)
    {
        var page = await HtmlPage.GetAsync(client, "/find/results?" + query);
        Assert.Equal(HttpStatusCode.OK, page.Response.StatusCode);
        return [.. page.Document.QuerySelectorAll("#results h2").Select(h => h.TextContent.Trim())];
    }

    [Fact]
    public async Task A_student_chooses_their_university_and_finds_its_own_counselling_that_others_never_see()
    {
        var (university, employer, open) = await AddAsync("S" + Guid.NewGuid().ToString("N")[..6]);
        var (other, _, _) = await AddAsync("T" + Guid.NewGuid().ToString("N")[..6]);
        using var client = app.CreateClient();

        var page = await HtmlPage.GetAsync(client, "/guidance/universities-and-colleges");
        var form = page.Document.QuerySelector("form#student-at")!;
        Assert.Equal("/find/where", form.GetAttribute("action"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("student", form.QuerySelector("input[name='circumstances']")!.GetAttribute("value"));
        Assert.Equal("audience:students", form.QuerySelector("input[name='prefer']")!.GetAttribute("value"));
        var offered = form.QuerySelectorAll("input[name='member_of']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(university.OrganizationId.ToString(), offered);
        Assert.DoesNotContain(employer.OrganizationId.ToString(), offered);

        // The journey carries the choice on, as hidden answers, to where the person is.
        var where = await HtmlPage.GetAsync(client, $"/find/where?circumstances=student&prefer=audience%3Astudents&member_of={university.OrganizationId}");
        Assert.Equal(HttpStatusCode.OK, where.Response.StatusCode);
        Assert.Equal(university.OrganizationId.ToString(), where.Document.QuerySelector("input[type='hidden'][name='member_of']")!.GetAttribute("value"));

        var member = await ResultNamesAsync(client, $"near=Sheffield&circumstances=student&prefer=audience%3Astudents&member_of={university.OrganizationId}&limit=50");
        var notSaid = await ResultNamesAsync(client, "near=Sheffield&circumstances=student&prefer=audience%3Astudents&limit=50");
        var anotherUniversity = await ResultNamesAsync(client, $"near=Sheffield&circumstances=student&prefer=audience%3Astudents&member_of={other.OrganizationId}&limit=50");

        Assert.Contains(university.Build().Name, member);
        Assert.Contains(open.Build().Name, member);
        Assert.DoesNotContain(employer.Build().Name, member);
        Assert.DoesNotContain(university.Build().Name, notSaid);
        Assert.Contains(open.Build().Name, notSaid);
        Assert.DoesNotContain(university.Build().Name, anotherUniversity);
        Assert.Contains(other.Build().Name, anotherUniversity);
    }

    [Fact]
    public async Task A_manager_chooses_their_employer_and_finds_its_staff_line_that_others_never_see()
    {
        var (university, employer, open) = await AddAsync("M" + Guid.NewGuid().ToString("N")[..6]);
        using var client = app.CreateClient();

        var page = await HtmlPage.GetAsync(client, "/guidance/managers");
        var form = page.Document.QuerySelector("form#at-work")!;
        Assert.Equal("/find/where", form.GetAttribute("action"));
        Assert.Equal("employee", form.QuerySelector("input[name='circumstances']")!.GetAttribute("value"));
        Assert.Equal("audience:employees", form.QuerySelector("input[name='prefer']")!.GetAttribute("value"));
        var offered = form.QuerySelectorAll("input[name='member_of']").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains(employer.OrganizationId.ToString(), offered);
        Assert.DoesNotContain(university.OrganizationId.ToString(), offered);
        // Choosing none is offered, and is what the form sends unless the person picks one.
        Assert.Equal("", form.QuerySelector("input[name='member_of']:checked")!.GetAttribute("value"));

        var member = await ResultNamesAsync(client, $"near=Sheffield&circumstances=employee&prefer=audience%3Aemployees&member_of={employer.OrganizationId}&limit=50");
        var notSaid = await ResultNamesAsync(client, "near=Sheffield&circumstances=employee&prefer=audience%3Aemployees&member_of=&limit=50");

        Assert.Contains(employer.Build().Name, member);
        Assert.Contains(open.Build().Name, member);
        Assert.DoesNotContain(university.Build().Name, member);
        Assert.DoesNotContain(employer.Build().Name, notSaid);
        Assert.Contains(open.Build().Name, notSaid);
    }
}
