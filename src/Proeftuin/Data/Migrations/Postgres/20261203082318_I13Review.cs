using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I13Review : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Reviewer",
                table: "Memberships",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ReviewAdvice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProjectId = table.Column<int>(type: "integer", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: true),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    AboutQuestionId = table.Column<int>(type: "integer", nullable: true),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Html = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GateDecisionId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewAdvice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewAdvice_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReviewAdvice_GateDecisions_GateDecisionId",
                        column: x => x.GateDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReviewAdvice_Items_AboutQuestionId",
                        column: x => x.AboutQuestionId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReviewAdvice_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAdvice_AboutQuestionId",
                table: "ReviewAdvice",
                column: "AboutQuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAdvice_AuthorId",
                table: "ReviewAdvice",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAdvice_GateDecisionId",
                table: "ReviewAdvice",
                column: "GateDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewAdvice_ProjectId_GateDecisionId",
                table: "ReviewAdvice",
                columns: new[] { "ProjectId", "GateDecisionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewAdvice");

            migrationBuilder.DropColumn(
                name: "Reviewer",
                table: "Memberships");
        }
    }
}
