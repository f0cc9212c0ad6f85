package org.salwledger.core.epcis;

import io.openepcis.validation.model.ValidationError;
import io.openepcis.validation.xml.Xml20SchemaValidator;

import java.io.ByteArrayInputStream;
import java.util.List;

/** GS1's EPCIS 2.0 capture XSD, as OpenEPCIS's validator applies it: the errors it finds in a document. */
public final class EpcisSchema {
    private EpcisSchema() {}

    /** A validator per document: OpenEPCIS's keeps the errors it found in earlier documents. */
    public static List<String> errors(byte[] xml) {
        return new Xml20SchemaValidator().validateAgainstCaptureSchema(new ByteArrayInputStream(xml)).collect().asList().await()
                .indefinitely().stream().map(ValidationError::toString).toList();
    }
}
