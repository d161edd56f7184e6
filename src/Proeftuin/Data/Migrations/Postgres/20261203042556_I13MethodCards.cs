using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProgrammeId = table.Column<int>(type: "integer", nullable: true),
                    ProjectId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    GroupMin = table.Column<int>(type: "integer", nullable: false),
                    GroupMax = table.Column<int>(type: "integer", nullable: false),
                    Materials = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Steps = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    StepsHtml = table.Column<string>(type: "text", nullable: false),
                    InclusionTips = table.Column<string>(type: "character varying(3000)", maxLength: 3000, nullable: false),
                    InclusionTipsHtml = table.Column<string>(type: "text", nullable: false),
                    Forms = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CopiedFromSlug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    CopiedFromId = table.Column<int>(type: "integer", nullable: true),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SearchTerms = table.Column<string>(type: "text", nullable: false)
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
