using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Proeftuin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class I15FairCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Joining",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "JoiningChangedAt",
                table: "Sessions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "MinVoters",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.AddColumn<int>(
                name: "SmallGroupRule",
                table: "Sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "BrowserKeyHash",
                table: "SessionParticipants",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RemovedAt",
                table: "SessionParticipants",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SessionPerspectiveChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    From = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<int>(type: "integer", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPerspectiveChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionPerspectiveChanges_SessionParticipants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "SessionParticipants",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_SessionPerspectiveChanges_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SessionParticipants_SessionId_BrowserKeyHash",
                table: "SessionParticipants",
                columns: new[] { "SessionId", "BrowserKeyHash" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPerspectiveChanges_ParticipantId",
                table: "SessionPerspectiveChanges",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPerspectiveChanges_SessionId",
                table: "SessionPerspectiveChanges",
                column: "SessionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SessionPerspectiveChanges");

            migrationBuilder.DropIndex(
                name: "IX_SessionParticipants_SessionId_BrowserKeyHash",
                table: "SessionParticipants");

            migrationBuilder.DropColumn(
                name: "Joining",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "JoiningChangedAt",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "MinVoters",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SmallGroupRule",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "BrowserKeyHash",
                table: "SessionParticipants");

            migrationBuilder.DropColumn(
                name: "RemovedAt",
                table: "SessionParticipants");
        }
    }
}
