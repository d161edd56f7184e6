using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I11Bench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (ADR 0024): an FTS5 index over the stored Dutch stems, reading its text from Items
            // (external content) and kept in step by triggers. unicode61 without removing diacritics splits on the
            // spaces between stems and changes nothing else; secure-delete removes a withdrawn story's stems from the
            // index at once instead of leaving them until a merge. A later migration that rebuilds the Items table
            // drops these triggers: recreate them there (the search tests fail if it does not).
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "ItemsSearch" USING fts5("SearchTerms", content='Items', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""INSERT INTO "ItemsSearch"("ItemsSearch", rank) VALUES ('secure-delete', 1);""");
            migrationBuilder.Sql("""INSERT INTO "ItemsSearch"("ItemsSearch") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_search_insert" AFTER INSERT ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_search_delete" AFTER DELETE ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"("ItemsSearch", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Items_search_update" AFTER UPDATE OF "SearchTerms" ON "Items" BEGIN
                    INSERT INTO "ItemsSearch"("ItemsSearch", rowid, "SearchTerms") VALUES ('delete', old."Id", old."SearchTerms");
                    INSERT INTO "ItemsSearch"(rowid, "SearchTerms") VALUES (new."Id", new."SearchTerms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Items_search_update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Items_search_delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Items_search_insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ItemsSearch";""");
        }
    }
}
