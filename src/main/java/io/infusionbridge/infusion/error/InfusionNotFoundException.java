package io.infusionbridge.infusion.error;

/** 404 NOT_FOUND: no entity with that UUID, or it is deleted. */
public class InfusionNotFoundException extends InfusionException {

    public InfusionNotFoundException(String method, String path) {
        super(404, "NOT_FOUND", method, path, "Infusion has no such record for " + method + " " + path + " (it may have been deleted)");
    }
}
