using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I13Reflections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReflectionAdvice",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReflectionAdviceHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ReflectionClosedAt",
                table: "Items",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReflectionHeldOn",
                table: "Items",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReflectionOutcome",
                table: "Items",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReflectionOutcomeHtml",
                table: "Items",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReflectionSessionId",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ReflectionStatus",
                table: "Items",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReflectionParticipants",
                columns: table => new
                {
                    ReflectionId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectionParticipants", x => new { x.ReflectionId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ReflectionParticipants_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReflectionParticipants_Items_ReflectionId",
                        column: x => x.ReflectionId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReflectionPrompts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReflectionId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectionPrompts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReflectionPrompts_Items_ReflectionId",
                        column: x => x.ReflectionId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReflectionAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReflectionId = table.Column<int>(type: "integer", nullable: false),
                    PromptId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    Perspective = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReflectionAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReflectionAnswers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReflectionAnswers_Items_ReflectionId",
                        column: x => x.ReflectionId,
                        principalTable: "Items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReflectionAnswers_ReflectionPrompts_PromptId",
                        column: x => x.PromptId,
                        principalTable: "ReflectionPrompts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionAnswers_PromptId_UserId",
                table: "ReflectionAnswers",
                columns: new[] { "PromptId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionAnswers_ReflectionId",
                table: "ReflectionAnswers",
                column: "ReflectionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionAnswers_UserId",
                table: "ReflectionAnswers",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionParticipants_UserId",
                table: "ReflectionParticipants",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_ReflectionPrompts_ReflectionId_Position",
                table: "ReflectionPrompts",
                columns: new[] { "ReflectionId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReflectionAnswers");

            migrationBuilder.DropTable(
                name: "ReflectionParticipants");

            migrationBuilder.DropTable(
                name: "ReflectionPrompts");

            migrationBuilder.DropColumn(
                name: "ReflectionAdvice",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionAdviceHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionClosedAt",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionHeldOn",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionOutcome",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionOutcomeHtml",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionSessionId",
                table: "Items");

            migrationBuilder.DropColumn(
                name: "ReflectionStatus",
                table: "Items");
        }
    }
}
