using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Proeftuin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class I12Gates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GateDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPhase = table.Column<int>(type: "INTEGER", nullable: false),
                    ToPhase = table.Column<int>(type: "INTEGER", nullable: true),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    WhatChanges = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PhaseTransitionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateDecisions_AspNetUsers_ByUserId",
                        column: x => x.ByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateDecisions_PhaseTransitions_PhaseTransitionId",
                        column: x => x.PhaseTransitionId,
                        principalTable: "PhaseTransitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateDecisions_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateAdviceRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedVerdict = table.Column<int>(type: "INTEGER", nullable: false),
                    FromPhase = table.Column<int>(type: "INTEGER", nullable: false),
                    ProposedPhase = table.Column<int>(type: "INTEGER", nullable: true),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedByUserId = table.Column<string>(type: "TEXT", nullable: true),
                    AskedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GateDecisionId = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateAdviceRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_AspNetUsers_AskedByUserId",
                        column: x => x.AskedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_GateDecisions_GateDecisionId",
                        column: x => x.GateDecisionId,
                        principalTable: "GateDecisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdviceRequests_Projects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "Projects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GateAdvice",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvaluatorId = table.Column<string>(type: "TEXT", nullable: true),
                    Recommendation = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    GivenAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GateAdvice", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GateAdvice_AspNetUsers_EvaluatorId",
                        column: x => x.EvaluatorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_GateAdvice_GateAdviceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "GateAdviceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_GateAdvice_EvaluatorId",
                table: "GateAdvice",
                column: "EvaluatorId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdvice_RequestId_EvaluatorId",
                table: "GateAdvice",
                columns: new[] { "RequestId", "EvaluatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_AskedByUserId",
                table: "GateAdviceRequests",
                column: "AskedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_GateDecisionId",
                table: "GateAdviceRequests",
                column: "GateDecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateAdviceRequests_ProjectId_ClosedAt",
                table: "GateAdviceRequests",
                columns: new[] { "ProjectId", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_ByUserId",
                table: "GateDecisions",
                column: "ByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_PhaseTransitionId",
                table: "GateDecisions",
                column: "PhaseTransitionId");

            migrationBuilder.CreateIndex(
                name: "IX_GateDecisions_ProjectId_At",
                table: "GateDecisions",
                columns: new[] { "ProjectId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "GateAdvice");

            migrationBuilder.DropTable(
                name: "GateAdviceRequests");

            migrationBuilder.DropTable(
                name: "GateDecisions");
        }
    }
}
