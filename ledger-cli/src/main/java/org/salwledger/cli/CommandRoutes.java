package org.salwledger.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Which endpoint takes which command type (DESIGN.md §6). */
public final class CommandRoutes {
    private CommandRoutes() {}

    public static String pathFor(JsonNode command) {
        String type = text(command, "type");
        return switch (type) {
            case "RegisterActor" -> "/api/v1/actors";
            case "RotateActorKey" -> "/api/v1/actors/" + text(command, "actorId") + "/keys";
            case "RevokeActorKey" -> "/api/v1/actors/" + text(command, "actorId") + "/keys/" + text(command, "keyId")
                    + "/revocation";
            case "CeaseBusiness" -> "/api/v1/actors/" + text(command, "actorId") + "/cessation";
            case "OpenSession" -> "/api/v1/sessions";
            case "ManufactureItem" -> "/api/v1/items";
            case "MarkItem" -> "/api/v1/items/" + text(command, "itemId") + "/marks";
            case "ReportLost", "ReportStolen", "ReportRecovered", "SeizeItem" ->
                    "/api/v1/items/" + text(command, "itemId") + "/reports";
            case "DeactivateItem" -> "/api/v1/items/" + text(command, "itemId") + "/deactivation";
            case "DestroyItem" -> "/api/v1/items/" + text(command, "itemId") + "/destruction";
            case "RegisterUnmarkedItem" -> "/api/v1/items/unmarked";
            case "TransformItem" -> "/api/v1/items/" + text(command, "itemId") + "/transformation";
            case "CorrectRecord" -> "/api/v1/items/" + text(command, "itemId") + "/corrections";
            case "LinkIdentity" -> "/api/v1/items/" + text(command, "unmarkedItemId") + "/identity-links";
            case "AssemblePart" -> "/api/v1/items/" + text(command, "hostId") + "/parts";
            case "DetachPart" -> "/api/v1/items/" + text(command, "hostId") + "/parts/" + text(command, "partId") + "/removal";
            case "DispatchTransfer" -> "/api/v1/transfers";
            case "ReceiveTransfer" -> "/api/v1/transfers/" + text(command, "transferId") + "/receipt";
            case "RejectTransfer" -> "/api/v1/transfers/" + text(command, "transferId") + "/rejection";
            case "SubmitTraceRequest" -> "/api/v1/traces";
            case "AcknowledgeTraceRequest" -> "/api/v1/traces/" + text(command, "traceId") + "/acknowledgement";
            case "RequestTraceInformation" -> "/api/v1/traces/" + text(command, "traceId") + "/information-request";
            case "ProvideTraceInformation" -> "/api/v1/traces/" + text(command, "traceId") + "/information";
            case "AnswerTraceRequest" -> "/api/v1/traces/" + text(command, "traceId") + "/answer";
            default -> throw new IllegalArgumentException("no endpoint known for command type '" + type + "'");
        };
    }

    private static String text(JsonNode command, String field) {
        JsonNode value = command.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the command needs a string '" + field + "'");
        }
        return value.asText();
    }
}
