package com.platepay.enrollment;

import com.platepay.platform.ApiException;
import com.platepay.protocol.charge.Money;
import com.platepay.vault.Card;

/**
 * The words a driver consents to, in the language they read them in. The text shown before consenting is made by
 * the same code as the text stored with the mandate, so what was agreed is what is kept.
 */
final class ConsentText {

    enum Language {
        EN, ZH;

        static Language parse(String value) {
            if (value == null || value.isBlank() || value.equalsIgnoreCase("en")) {
                return EN;
            }
            if (value.equalsIgnoreCase("zh")) {
                return ZH;
            }
            throw ApiException.badRequest("INVALID_LANGUAGE", "language is en or zh");
        }
    }

    private ConsentText() {
    }

    static String of(Language language, Vehicle vehicle, Card card, long perCharge, long daily, boolean gas, boolean parking) {
        return language == Language.ZH ? chinese(vehicle, card, perCharge, daily, gas, parking)
                : english(vehicle, card, perCharge, daily, gas, parking);
    }

    private static String english(Vehicle vehicle, Card card, long perCharge, long daily, boolean gas, boolean parking) {
        return "I allow PlatePay to debit my " + (card.bankName == null ? "" : card.bankName + " ") + "debit card ending "
                + card.last4 + " without asking me each time, for vehicle " + vehicle.plate + " (" + vehicle.colour.toLowerCase()
                + " plate), at " + (gas && parking ? "gas stations and parking lots" : gas ? "gas stations" : "parking lots")
                + ", up to CNY " + Money.format(perCharge) + " per charge and CNY " + Money.format(daily) + " per day. "
                + "I can pause or revoke this at any time.";
    }

    private static String chinese(Vehicle vehicle, Card card, long perCharge, long daily, boolean gas, boolean parking) {
        return "本人授权 PlatePay 在无需每次确认的情况下，从本人尾号 " + card.last4 + " 的"
                + (card.bankName == null ? "" : card.bankName) + "借记卡扣款，用于车辆 " + vehicle.plate + "（" + colour(vehicle.colour)
                + "牌）在" + (gas && parking ? "加气站和停车场" : gas ? "加气站" : "停车场")
                + "的消费，单笔不超过人民币 " + Money.format(perCharge) + " 元，每日不超过人民币 " + Money.format(daily)
                + " 元。本人可随时暂停或撤销本授权。";
    }

    private static String colour(String colour) {
        return switch (colour) {
            case "BLUE" -> "蓝";
            case "YELLOW" -> "黄";
            case "GREEN" -> "绿";
            case "WHITE" -> "白";
            case "BLACK" -> "黑";
            default -> colour;
        };
    }
}
