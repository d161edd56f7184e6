using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I13MethodCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MethodCards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProgrammeId = table.Column<int>(type: "INTEGER", nullable: true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Phase = table.Column<int>(type: "INTEGER", nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupMin = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupMax = table.Column<int>(type: "INTEGER", nullable: false),
                    Materials = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    StepsHtml = table.Column<string>(type: "TEXT", nullable: false),
                    InclusionTips = table.Column<string>(type: "TEXT", maxLength: 3000, nullable: false),
                    InclusionTipsHtml = table.Column<string>(type: "TEXT", nullable: false),
                    Forms = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CopiedFromSlug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CopiedFromId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SearchTerms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MethodCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MethodCards_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MethodCards_MethodCards_CopiedFromId",
                        column: x => x.CopiedFromId,
                        principalTable: "MethodCards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_MethodCards_Programmes_ProgrammeId",
                        column: x => x.ProgrammeId,
                        principalTable: "Programmes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MethodCards_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MethodCards_AuthorId",
                table: "MethodCards",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_MethodCards_CopiedFromId",
                table: "MethodCards",
                column: "CopiedFromId");

            migrationBuilder.CreateIndex(
                name: "IX_MethodCards_ProgrammeId",
                table: "MethodCards",
                column: "ProgrammeId");

            migrationBuilder.CreateIndex(
                name: "IX_MethodCards_ProjectId",
                table: "MethodCards",
                column: "ProjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MethodCards");
        }
    }
}
