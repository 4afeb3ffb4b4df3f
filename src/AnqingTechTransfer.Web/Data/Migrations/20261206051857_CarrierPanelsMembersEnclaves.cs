using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AnqingTechTransfer.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CarrierPanelsMembersEnclaves : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "withdrawal_reason",
                table: "pilot_services",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "withdrawn_at",
                table: "pilot_services",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "enclave",
                table: "carriers",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "members",
                table: "carriers",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "withdrawal_reason",
                table: "pilot_services");

            migrationBuilder.DropColumn(
                name: "withdrawn_at",
                table: "pilot_services");

            migrationBuilder.DropColumn(
                name: "enclave",
                table: "carriers");

            migrationBuilder.DropColumn(
                name: "members",
                table: "carriers");
        }
    }
}
