package io.infusionbridge.infusion.error;

/** 403 NOT_AUTHORISED ("User not authorised"): the External API user lacks a role for this operation. */
public class InfusionNotAuthorisedException extends InfusionException {

    public InfusionNotAuthorisedException(String method, String path) {
        super(403, "NOT_AUTHORISED", method, path, "Infusion answered \"User not authorised\" to " + method + " " + path
                + ": give the External API user a role that allows " + describe(method) + " in Infusion");
    }

    private static String describe(String method) {
        return switch (method) {
            case "GET" -> "reading this data";
            case "DELETE" -> "deleting this data";
            default -> "writing this data";
        };
    }
}
