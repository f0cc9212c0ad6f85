package org.salwledger.core.item.description;

/**
 * Where a weapon category is reported (docs/domain-rules.md §1.5): the UNROCA SALW form, which the ATT annual
 * report template reuses, has small arms 1-6 and light weapons 1-7; MANPADS go to UNROCA category VII(b)
 * (missiles and missile launchers); portable anti-aircraft guns have no line of their own and are
 * reported as "other" light weapons.
 */
public record UnrocaCategory(String code, String label) {

    public static UnrocaCategory of(WeaponCategory category) {
        return switch (category) {
            case REVOLVER_OR_SELF_LOADING_PISTOL -> new UnrocaCategory("SA.1", "Small arms: revolvers and self-loading pistols");
            case RIFLE_OR_CARBINE -> new UnrocaCategory("SA.2", "Small arms: rifles and carbines");
            case SUB_MACHINE_GUN -> new UnrocaCategory("SA.3", "Small arms: sub-machine guns");
            case ASSAULT_RIFLE -> new UnrocaCategory("SA.4", "Small arms: assault rifles");
            case LIGHT_MACHINE_GUN -> new UnrocaCategory("SA.5", "Small arms: light machine guns");
            case OTHER -> new UnrocaCategory("SA.6", "Small arms: others");
            case HEAVY_MACHINE_GUN -> new UnrocaCategory("LW.1", "Light weapons: heavy machine guns");
            case GRENADE_LAUNCHER -> new UnrocaCategory("LW.2",
                    "Light weapons: hand-held under-barrel and mounted grenade launchers");
            case PORTABLE_ANTI_TANK_GUN -> new UnrocaCategory("LW.3", "Light weapons: portable anti-tank guns");
            case RECOILLESS_RIFLE -> new UnrocaCategory("LW.4", "Light weapons: recoilless rifles");
            case PORTABLE_ANTI_TANK_MISSILE_LAUNCHER -> new UnrocaCategory("LW.5",
                    "Light weapons: portable anti-tank missile launchers and rocket systems");
            case MORTAR_UNDER_75MM -> new UnrocaCategory("LW.6", "Light weapons: mortars of calibres less than 75 mm");
            case PORTABLE_ANTI_AIRCRAFT_GUN -> new UnrocaCategory("LW.7", "Light weapons: others");
            case MANPADS -> new UnrocaCategory("VII(b)", "Missiles and missile launchers: MANPADS");
        };
    }
}
