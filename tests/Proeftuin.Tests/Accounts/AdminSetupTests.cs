using System.Diagnostics;

namespace Proeftuin.Tests.Accounts;

/// <summary>The first platform admin comes from configuration or from the make-admin command.</summary>
public sealed class AdminSetupTests
{
    [Fact]
    public async Task Admin_from_configuration_can_sign_in_and_manage()
    {
        var email = TestData.UniqueEmail("beheer");
        await using var factory = new ProeftuinFactory()
            .WithSetting("Admin:Email", email)
            .WithSetting("Admin:Password", TestData.Password)
            .WithSetting("Admin:DisplayName", "Configuratiebeheerder");
        using var admin = await factory.SignInAsync(email);
        using var response = await admin.GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Configuratiebeheerder", await factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.DisplayName).SingleAsync()));
    }

    [Fact]
    public async Task Make_admin_command_promotes_an_existing_account_and_refuses_an_unknown_one()
    {
        await using var factory = new ProeftuinFactory();
        var user = await factory.Data.UserAsync();
        using (var before = await factory.SignInAsync(user.Email!))
        using (var refused = await before.GetAsync("/beheer"))
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var (code, output) = await RunCommandAsync(factory, "make-admin", user.Email!);
        Assert.True(code == 0, output);
        Assert.Contains("is nu beheerder", output, StringComparison.Ordinal);
        using (var after = await factory.SignInAsync(user.Email!))
        using (var allowed = await after.GetAsync("/beheer"))
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var (unknownCode, unknownOutput) = await RunCommandAsync(factory, "make-admin", "niemand@example.nl");
        Assert.Equal(1, unknownCode);
        Assert.Contains("Geen bevestigd account met e-mailadres", unknownOutput, StringComparison.Ordinal);

        // An account nobody confirmed may have been registered by a stranger: it is refused too.
        var unconfirmed = await factory.Data.UserAsync();
        await factory.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == unconfirmed.Id);
            row.EmailConfirmed = false;
            return await db.SaveChangesAsync();
        });
        var (unconfirmedCode, _) = await RunCommandAsync(factory, "make-admin", unconfirmed.Email!);
        Assert.Equal(1, unconfirmedCode);
    }

    /// <summary>Runs the app's own command line against the factory's database, as an operator would.</summary>
    private static async Task<(int Code, string Output)> RunCommandAsync(ProeftuinFactory factory, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Proeftuin.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(app);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Demo__Seed"] = "false";
        foreach (var (key, value) in factory.Settings)
            if (key.StartsWith("Database:", StringComparison.Ordinal) || key.StartsWith("ConnectionStrings:", StringComparison.Ordinal) || key == "App:DataDirectory")
                start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
