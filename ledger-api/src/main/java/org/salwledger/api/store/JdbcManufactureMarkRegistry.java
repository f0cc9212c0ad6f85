package org.salwledger.api.store;

import org.salwledger.core.command.Refusal;
import org.salwledger.core.item.marking.ManufactureMarkRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

/**
 * Claims rely on the table's primary key: of two concurrent claims the database lets one commit;
 * the other waits for it and then fails, which is the refusal.
 */
@Component
public class JdbcManufactureMarkRegistry implements ManufactureMarkRegistry {
    private final JdbcTemplate jdbc;

    public JdbcManufactureMarkRegistry(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claim(String manufacturer, String country, String normalizedSerial, String itemId,
                      Predicate<String> sameWeapon) {
        String owner = jdbc.query("SELECT item_id FROM manufacture_mark_claim WHERE manufacturer = ? AND country = ? "
                        + "AND normalized_serial = ?", (rs, i) -> rs.getString(1), manufacturer, country, normalizedSerial)
                .stream().findFirst().orElse(null);
        if (itemId.equals(owner) || owner != null && sameWeapon.test(owner)) {
            return;
        }
        if (owner != null) {
            throw duplicate(manufacturer, country, normalizedSerial);
        }
        try {
            jdbc.update("INSERT INTO manufacture_mark_claim (manufacturer, country, normalized_serial, item_id) "
                    + "VALUES (?, ?, ?, ?)", manufacturer, country, normalizedSerial, itemId);
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException concurrentClaim) {
            throw duplicate(manufacturer, country, normalizedSerial);
        }
    }

    private static Refusal duplicate(String manufacturer, String country, String serial) {
        return Refusal.conflict("duplicate-marking",
                "another item already carries the manufacture mark " + manufacturer + "/" + country + "/" + serial);
    }
}
