using Waymark.Core.People;
using Waymark.Web.Accounts;

namespace Waymark.Web.People;

public static class PeopleSetup
{
    /// <summary>A person's plan, story, data download and erasure, self-service sign-up and password reset, and <see cref="PersonContact"/> for anything that sends messages.</summary>
    public static IServiceCollection AddWaymarkPeople(this IServiceCollection services)
    {
        services.AddSingleton<PersonText>();
        services.AddScoped<PersonPlan>();
        services.AddScoped<PersonContact>();
        services.AddScoped<PersonData>();
        services.AddScoped<PersonRegistration>();
        services.AddScoped<PasswordReset>();
        services.AddSingleton<AccountWork>();
        services.AddHostedService<AccountWorkService>();
        services.AddScoped<AccountErasure>();
        return services;
    }
}
