using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I13Lessons : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LessonContext",
                table: "Items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LessonDomains",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LessonMechanism",
                table: "Items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LessonOutcome",
                table: "Items",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LessonPublishedAt",
                table: "Items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LessonResult",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LessonTitleTerms",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LessonVisibility",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "LessonThemes",
                columns: table => new
                {
                    LessonId = table.Column<int>(type: "integer", nullable: false),
                    ThemesId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LessonThemes", x => new { x.LessonId, x.ThemesId });
                    table.ForeignKey(
                        name: "FK_LessonThemes_Items_LessonId",
                        column: x => x.LessonId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LessonThemes_Themes_ThemesId",
                        column: x => x.ThemesId,
                        principalTable: "Themes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Items_LessonVisibility_CreatedAt",
                table: "Items",
                columns: new[] { "LessonVisibility", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_LessonThemes_ThemesId",
                table: "LessonThemes",
                column: "ThemesId");

            // Lessons written before (with a decision) get the new fields empty: the team fills them in from the library.
            migrationBuilder.Sql("UPDATE \"Items\" SET \"LessonContext\" = '', \"LessonMechanism\" = '', \"LessonOutcome\" = '', \"LessonTitleTerms\" = ' ', \"LessonVisibility\" = 0, \"LessonDomains\" = 0 WHERE \"Kind\" = 12");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LessonThemes");

            migrationBuilder.DropIndex(
                name: "IX_Items_LessonVisibility_CreatedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonContext",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonDomains",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonMechanism",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonOutcome",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonPublishedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonResult",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonTitleTerms",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "LessonVisibility",
                table: "Items");
        }
    }
}
