package com.platepay.acquirerhost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.platepay.acquirerhost.HostTransaction.Status;
import com.platepay.iso8583.Pans;
import com.platepay.iso8583.ResponseCode;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The host's books: accounts, purchases, holds and tombstones. Every method runs under the book's monitor, so
 * a late purchase and its reversal can never interleave; after each change the whole book is written to the
 * state file (temporary file, fsync, rename). Transactions are found by terminal + STAN + local date (duplicate
 * check), by terminal + STAN + field 7 (what field 90 names) and by RRN.
 */
public final class HostBook {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, HostAccount> accountsById = new LinkedHashMap<>();
    private final Map<String, String> accountIdByPan = new LinkedHashMap<>();
    private final List<HostTransaction> transactions = new ArrayList<>();
    private final Set<String> tombstones = new LinkedHashSet<>();
    private final Path stateFile;
    private final Clock clock;

    /** The outcome of a request: field 39, and 38 when approved. */
    public record Answer(String responseCode, String approvalCode, String additionalResponse) {
        static Answer of(ResponseCode code) {
            return new Answer(code.iso(), null, null);
        }
    }

    /** What a purchase or hold asks for. */
    public record Request(String terminalId, String stan, String localDate, String transmissionDateTime, String rrn,
                          String pan, String expiryYymm, long amount, String currency) {
    }

    /** What a follow-up names: its terminal, field 90's STAN and field 7, and field 37. */
    public record Reference(String terminalId, String originalStan, String originalTransmissionDateTime, String rrn) {
    }

    public HostBook(Path stateFile, Clock clock) throws IOException {
        this.stateFile = stateFile;
        this.clock = clock;
        if (stateFile != null && Files.exists(stateFile)) {
            HostState state = JSON.readValue(stateFile.toFile(), HostState.class);
            state.accounts().forEach(a -> {
                accountsById.put(a.accountId(), a);
                accountIdByPan.put(a.pan(), a.accountId());
            });
            transactions.addAll(state.transactions());
            tombstones.addAll(state.tombstones());
        }
    }

    public synchronized Optional<HostAccount> open(String pan, String holderName, String cardType, String bankName,
                                                   int expiryMonth, int expiryYear, long balance, String currency) {
        if (accountIdByPan.containsKey(pan)) {
            return Optional.empty();
        }
        byte[] id = new byte[10];
        RANDOM.nextBytes(id);
        HostAccount account = new HostAccount("acc_" + HexFormat.of().formatHex(id), pan, holderName, cardType, bankName,
                expiryMonth, expiryYear, balance, currency, Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString());
        accountsById.put(account.accountId(), account);
        accountIdByPan.put(pan, account.accountId());
        save();
        return Optional.of(account);
    }

    public synchronized Optional<HostAccount> account(String accountId) {
        return Optional.ofNullable(accountsById.get(accountId));
    }

    public synchronized Optional<HostAccount> accountByPan(String pan) {
        return Optional.ofNullable(accountIdByPan.get(pan)).map(accountsById::get);
    }

    public synchronized List<HostTransaction> transactionsOf(String accountId) {
        return transactions.stream().filter(t -> accountId.equals(t.accountId())).toList();
    }

    /** 0200 (purchase) or 0100 (hold): a duplicate answers as before; a tombstoned one is refused. */
    public synchronized Answer take(String kind, Request r) {
        Optional<HostTransaction> duplicate = find(t -> t.terminalId().equals(r.terminalId()) && t.stan().equals(r.stan())
                && t.localDate().equals(r.localDate()) || t.rrn().equals(r.rrn()));
        if (duplicate.isPresent()) {
            return new Answer(duplicate.get().responseCode(), duplicate.get().approvalCode(), null);
        }
        HostAccount account = accountByPan(r.pan()).orElse(null);
        // Both keys are used up (hence | and not ||): the tombstone stops this one message only.
        boolean reversedFirst = tombstones.remove(originalKey(r.terminalId(), r.stan(), r.transmissionDateTime()))
                | tombstones.remove("rrn:" + r.rrn());
        ResponseCode refusal = reversedFirst
                ? ResponseCode.REVERSED_BEFORE_AUTHORISATION : refusal(account, r.expiryYymm(), r.currency(), r.amount());
        ResponseCode code = refusal == null ? ResponseCode.APPROVED : refusal;
        String approval = refusal == null ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null;
        if (refusal == null) {
            accountsById.put(account.accountId(), account.withBalance(account.balance() - r.amount()));
        }
        Status status = refusal != null ? Status.DECLINED : HostTransaction.HOLD.equals(kind) ? Status.HELD : Status.APPROVED;
        transactions.add(new HostTransaction(kind, r.terminalId(), r.stan(), r.localDate(), r.transmissionDateTime(), r.rrn(),
                account == null ? null : account.accountId(), Pans.mask(r.pan()), r.amount(), r.currency(), code.iso(),
                approval, status, refusal == null ? r.amount() : 0, null));
        save();
        return new Answer(code.iso(), approval, null);
    }

    /**
     * 0200 with processing code 20: gives (part of) the purchase field 90 names back to its account. A duplicate
     * (same terminal + STAN + local date, or RRN) answers as before and moves nothing, so a retried refund never pays
     * twice; declined ones are booked too, for the same reason. Refunds of one purchase never exceed what it took:
     * 25 when there is no such approved purchase, 12 when it was reversed, 64 when this refund would go beyond it.
     */
    public synchronized Answer refund(Request r, Reference purchaseRef) {
        Optional<HostTransaction> duplicate = find(t -> t.terminalId().equals(r.terminalId()) && t.stan().equals(r.stan())
                && t.localDate().equals(r.localDate()) || t.rrn().equals(r.rrn()));
        if (duplicate.isPresent()) {
            return new Answer(duplicate.get().responseCode(), duplicate.get().approvalCode(), null);
        }
        Optional<HostTransaction> found = original(purchaseRef).filter(t -> HostTransaction.PURCHASE.equals(t.kind()));
        HostTransaction purchase = found.orElse(null);
        ResponseCode refusal;
        if (purchase == null || purchase.status() == Status.DECLINED) {
            refusal = ResponseCode.ORIGINAL_NOT_FOUND;
        } else if (purchase.status() != Status.APPROVED) {
            refusal = ResponseCode.REVERSED_BEFORE_AUTHORISATION;
        } else if (!purchase.currency().equals(r.currency())) {
            refusal = ResponseCode.CURRENCY_MISMATCH;
        } else {
            long refunded = transactions.stream().filter(t -> HostTransaction.REFUND.equals(t.kind()) && t.status() == Status.APPROVED
                    && purchase.rrn().equals(t.originalRrn())).mapToLong(HostTransaction::settledAmount).sum();
            refusal = refunded + r.amount() > purchase.settledAmount() ? ResponseCode.AMOUNT_ABOVE_HOLD : null;
        }
        String approval = refusal == null ? String.format("%06d", RANDOM.nextInt(1_000_000)) : null;
        if (refusal == null) {
            give(purchase.accountId(), r.amount());
        }
        ResponseCode code = refusal == null ? ResponseCode.APPROVED : refusal;
        transactions.add(new HostTransaction(HostTransaction.REFUND, r.terminalId(), r.stan(), r.localDate(), r.transmissionDateTime(),
                r.rrn(), purchase == null ? null : purchase.accountId(), purchase == null ? null : purchase.panMasked(), r.amount(),
                r.currency(), code.iso(), approval, refusal == null ? Status.APPROVED : Status.DECLINED, refusal == null ? r.amount() : 0,
                purchase == null ? null : purchase.rrn()));
        save();
        return new Answer(code.iso(), approval, null);
    }

    /** 0100 with amount zero: nothing is booked. Field 44 carries "cardType;bank". */
    public synchronized Answer verify(String pan, String expiryYymm, String currency) {
        HostAccount account = accountByPan(pan).orElse(null);
        if (account == null) {
            return Answer.of(ResponseCode.CARD_NOT_FOUND);
        }
        if (!expiryMatches(account, expiryYymm)) {
            return Answer.of(ResponseCode.EXPIRED_CARD);
        }
        String about = account.cardType() + ";" + account.bankName();
        return new Answer(ResponseCode.APPROVED.iso(), null, about.length() > 25 ? about.substring(0, 25) : about);
    }

    private ResponseCode refusal(HostAccount account, String expiryYymm, String currency, long amount) {
        if (account == null) {
            return ResponseCode.CARD_NOT_FOUND;
        }
        if (!"DEBIT".equals(account.cardType())) {
            return ResponseCode.NOT_DEBIT_CARD;
        }
        if (!expiryMatches(account, expiryYymm)) {
            return ResponseCode.EXPIRED_CARD;
        }
        if (!account.currency().equals(currency)) {
            return ResponseCode.CURRENCY_MISMATCH;
        }
        if (account.balance() < amount) {
            return ResponseCode.INSUFFICIENT_FUNDS;
        }
        return null;
    }

    private boolean expiryMatches(HostAccount account, String yymm) {
        String expected = String.format("%02d%02d", account.expiryYear() % 100, account.expiryMonth());
        return expected.equals(yymm) && !YearMonth.of(account.expiryYear(), account.expiryMonth()).isBefore(YearMonth.now(clock));
    }

    /**
     * 0420/0421 (reversal advice) and 0400/0401 (void): money goes back once. An original the host never saw
     * leaves a tombstone, so it is refused if it comes later, and is answered 25 (nothing moved).
     */
    public synchronized Answer undo(Reference ref) {
        Optional<HostTransaction> found = original(ref);
        if (found.isEmpty()) {
            tombstones.add(originalKey(ref.terminalId(), ref.originalStan(), ref.originalTransmissionDateTime()));
            tombstones.add("rrn:" + ref.rrn());
            save();
            return Answer.of(ResponseCode.ORIGINAL_NOT_FOUND);
        }
        HostTransaction t = found.get();
        return switch (t.status()) {
            case DECLINED -> Answer.of(ResponseCode.ORIGINAL_NOT_FOUND);
            case REVERSED, VOIDED -> Answer.of(ResponseCode.APPROVED);
            case COMPLETED -> Answer.of(ResponseCode.REVERSED_BEFORE_AUTHORISATION);
            case APPROVED, HELD -> {
                give(t.accountId(), t.settledAmount());
                replace(t, t.with(t.status() == Status.HELD ? Status.VOIDED : Status.REVERSED, 0));
                save();
                yield Answer.of(ResponseCode.APPROVED);
            }
        };
    }

    /** 0220/0221: the hold is taken for the final amount and the rest released; a repeat answers 00 again. */
    public synchronized Answer complete(Reference ref, long finalAmount) {
        Optional<HostTransaction> found = original(ref).filter(t -> HostTransaction.HOLD.equals(t.kind()));
        if (found.isEmpty() || found.get().status() == Status.DECLINED) {
            return Answer.of(ResponseCode.ORIGINAL_NOT_FOUND);
        }
        HostTransaction hold = found.get();
        return switch (hold.status()) {
            case COMPLETED -> Answer.of(hold.settledAmount() == finalAmount ? ResponseCode.APPROVED : ResponseCode.AMOUNT_ABOVE_HOLD);
            case HELD -> {
                if (finalAmount > hold.amount()) {
                    yield Answer.of(ResponseCode.AMOUNT_ABOVE_HOLD);
                }
                give(hold.accountId(), hold.amount() - finalAmount);
                replace(hold, hold.with(Status.COMPLETED, finalAmount));
                save();
                yield new Answer(ResponseCode.APPROVED.iso(), hold.approvalCode(), null);
            }
            default -> Answer.of(ResponseCode.REVERSED_BEFORE_AUTHORISATION);
        };
    }

    private Optional<HostTransaction> original(Reference ref) {
        return find(t -> t.terminalId().equals(ref.terminalId()) && t.stan().equals(ref.originalStan())
                && t.transmissionDateTime().equals(ref.originalTransmissionDateTime()) || ref.rrn() != null && t.rrn().equals(ref.rrn()));
    }

    private Optional<HostTransaction> find(Predicate<HostTransaction> test) {
        for (int i = transactions.size() - 1; i >= 0; i--) {
            if (test.test(transactions.get(i))) {
                return Optional.of(transactions.get(i));
            }
        }
        return Optional.empty();
    }

    private void give(String accountId, long amount) {
        HostAccount account = accountsById.get(accountId);
        accountsById.put(accountId, account.withBalance(account.balance() + amount));
    }

    private void replace(HostTransaction old, HostTransaction updated) {
        transactions.set(transactions.indexOf(old), updated);
    }

    private static String originalKey(String terminalId, String stan, String transmissionDateTime) {
        return terminalId + "|" + stan + "|" + transmissionDateTime;
    }

    private void save() {
        if (stateFile == null) {
            return;
        }
        try {
            Path dir = stateFile.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, stateFile.getFileName().toString(), ".tmp");
            try (FileOutputStream out = new FileOutputStream(tmp.toFile())) {
                out.write(JSON.writeValueAsBytes(new HostState(List.copyOf(accountsById.values()), transactions,
                        List.copyOf(tombstones))));
                out.getFD().sync();
            }
            Files.move(tmp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the host state file " + stateFile, e);
        }
    }
}
