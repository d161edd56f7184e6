using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Proeftuin.Data;
using Proeftuin.Features.Prototypes;

namespace Proeftuin.FaultTests;

/// <summary>
/// The operator's database commands as operators run them (issue 17): <c>dotnet Proeftuin.dll migrate</c> on an old
/// database, and backup → wipe → restore on SQLite (the app's own <c>backup</c>/<c>restore</c>) and on PostgreSQL
/// (pg_dump/pg_restore, as the README says). After a restore the same stories, the same attachment bytes and the same
/// data-protection keys are back: a cookie from before the backup still signs its person in.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DatabaseCommandTests(FaultServices services, ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Migrate_brings_an_old_database_to_the_current_model_and_the_second_time_does_nothing(string provider)
    {
        using var database = provider == "sqlite" ? Database.Sqlite() : Database.Postgres(services.Postgres);
        string[] all;
        await using (var db = database.Open())
        {
            all = db.Database.GetMigrations().ToArray();
            // An old release's database: the migrations up to the live sessions of issue 9, nothing after.
            var old = all.First(m => m.EndsWith("_I9Sessions", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(old);
        }
        var behind = all.Length - Array.FindIndex(all, m => m.EndsWith("_I9Sessions", StringComparison.Ordinal)) - 1;
        Assert.True(behind > 5, $"only {behind} migrations after I9Sessions");

        // The connection string as a secret file (how compose and Kubernetes hand out secrets); the file wins over a
        // wrong one in the environment.
        var secrets = Directory.CreateDirectory(Path.Combine(database.Directory, "secrets")).FullName;
        await File.WriteAllTextAsync(Path.Combine(secrets, "ConnectionStrings__Proeftuin"), database.ConnectionString);
        await using var app = new AppProcess(database).With("Database__MigrateAtStart", "false")
            .With("App__SecretsDirectory", secrets)
            .With("ConnectionStrings__Proeftuin", database.IsPostgres ? "Host=127.0.0.1;Port=1;Database=nergens" : "Data Source=/nergens/proeftuin.db");
        // With migrating at start switched off, the new release refuses to start on the old database, and says why.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("exited with 3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("voer eerst 'migrate' uit", refused.Message, StringComparison.Ordinal);

        var (code, printed) = await app.RunCommandAsync("migrate");
        output.WriteLine(printed);
        Assert.True(code == 0, printed);
        Assert.Equal(behind, printed.Split('\n').Count(l => l.StartsWith("Toegepast: ", StringComparison.Ordinal)));
        Assert.Contains($"De database is bij ({all[^1]}).", printed, StringComparison.Ordinal);
        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.False(db.Database.HasPendingModelChanges());
        }

        (code, printed) = await app.RunCommandAsync("migrate");
        Assert.True(code == 0, printed);
        Assert.Contains("Niets te doen.", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Toegepast", printed, StringComparison.Ordinal);
        await using (var db = database.Open())
            Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());

        // Migrated by the command, the new release starts without migrating and serves (demo data on the current model).
        await app.StartAsync();
        using var visitor = new Person(app.BaseUri);
        using var home = await visitor.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Backup_wipe_and_restore_give_back_stories_attachments_and_the_keys_that_sign_people_in(string provider)
    {
        using var database = provider == "sqlite" ? Database.Sqlite() : Database.Postgres(services.Postgres);
        await using var app = new AppProcess(database);
        await app.StartAsync();
        var scenario = await Scenario.SeedAsync(database, noteGuests: 1, voteGuests: 1);

        // A person signed in (a cookie protected by this database's keys), a story of theirs and an attachment.
        using var writer = new Person(app.BaseUri);
        await writer.SignInAsync(scenario.StoryWriters[0], DemoData.Password);
        var kept = await WriteStoryAsync(writer, scenario, "Voor de back-up");
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        int attachment;
        await using (var db = database.Open())
        {
            var prototype = await db.Items.OfType<Prototype>().Where(p => p.ProjectId == scenario.ProjectId).Select(p => (int?)p.Id).FirstOrDefaultAsync()
                ?? await db.Items.OfType<Prototype>().Select(p => p.Id).FirstAsync();
            var row = new PrototypeAttachment
            {
                PrototypeId = prototype,
                FileName = "schets.png",
                ContentType = "image/png",
                Content = bytes,
                Size = bytes.Length,
                AltText = "Een schets van de buurtkamer",
                UploadedAt = DateTime.UtcNow,
            };
            db.Add(row);
            await db.SaveChangesAsync();
            attachment = row.Id;
        }
        using var facilitator = new Person(app.BaseUri);
        await facilitator.SignInAsync("procesbegeleider@proeftuin.demo", DemoData.Password);
        Assert.Equal(bytes, await DownloadAsync(facilitator, attachment));

        var backup = Path.Combine(database.Directory, "..", "backup-" + Guid.NewGuid().ToString("N")[..8]);
        // A command without its file, or for the other database, says so and does nothing.
        var (usage, said) = await app.RunCommandAsync("backup");
        Assert.Equal(2, usage);
        Assert.Contains("Gebruik: backup <bestand>", said, StringComparison.Ordinal);
        if (database.IsPostgres)
        {
            (usage, said) = await app.RunCommandAsync("backup", backup);
            Assert.Equal(2, usage);
            Assert.Contains("pg_dump", said, StringComparison.Ordinal);
            Assert.False(File.Exists(backup));
            await services.Postgres.DumpAsync(database.Name, backup);
        }
        else
        {
            // Online: the app keeps running and writing while the copy is made.
            var (code, printed) = await app.RunCommandAsync("backup", backup);
            Assert.True(code == 0, printed);
            Assert.Contains("Back-up gemaakt", printed, StringComparison.Ordinal);
            (code, printed) = await app.RunCommandAsync("backup", backup);
            Assert.Equal(2, code);
            Assert.Contains("bestaat al", printed, StringComparison.Ordinal);
        }
        var lost = await WriteStoryAsync(writer, scenario, "Na de back-up");

        // Wipe: the app stops and its database is gone.
        await app.KillAsync();
        if (database.IsPostgres)
        {
            await services.Postgres.DropAsync(database.Name);
            await services.Postgres.RestoreAsync(database.Name, backup);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(database.Directory, "proeftuin.db*")) File.Delete(file);
            var (code, printed) = await app.RunCommandAsync("restore", Path.Combine(database.Directory, "bestaat-niet.db"));
            Assert.Equal(2, code);
            Assert.Contains("geen back-up van Proeftuin", printed, StringComparison.Ordinal);
            (code, printed) = await app.RunCommandAsync("restore", backup);
            Assert.True(code == 0, printed);
        }
        await app.StartAsync();

        // The cookies from before still sign their people in (the keys came back); the story and the file are there,
        // and what was written after the backup is not.
        using (var story = await writer.GetAsync($"/api/v1/stories/{kept.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, story.StatusCode);
            Assert.Contains(kept.Title, await story.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var gone = await writer.GetAsync($"/api/v1/stories/{lost.Id}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal(bytes, await DownloadAsync(facilitator, attachment));
        using var stranger = new Person(app.BaseUri);
        using (var refused = await stranger.GetAsync($"/api/v1/stories/{kept.Id}"))
            Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        File.Delete(backup);
    }

    private static async Task<(int Id, string Title)> WriteStoryAsync(Person writer, Scenario scenario, string title)
    {
        title = $"{title} {Guid.NewGuid():N}"[..30];
        using var response = await writer.PostJsonAsync($"/api/v1/projects/{scenario.ProjectId}/stories",
            new { promptId = scenario.PromptId, title, text = "Wat ik meemaakte: " + title, scope = "Team", mayQuote = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (doc.RootElement.GetProperty("id").GetInt32(), title);
    }

    private static async Task<byte[]> DownloadAsync(Person person, int attachment)
    {
        using var response = await person.GetAsync($"/bijlagen/{attachment}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }
}
