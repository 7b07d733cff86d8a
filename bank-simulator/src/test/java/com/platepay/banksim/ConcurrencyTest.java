package com.platepay.banksim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.platepay.banksim.TestBank.Card;
import com.platepay.banksim.TestBank.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void twentyConcurrentDebitsAgainstABalanceForSevenApproveExactlySeven() throws Exception {
        try (TestBank bank = new TestBank()) {
            Card card = bank.openAccount("DEBIT", 7 * 1_000);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> results = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String key = "chg_race_" + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        return bank.debit(key, card, 1_000);
                    }));
                }
                go.countDown();
                int approved = 0;
                int insufficient = 0;
                for (Future<Response> f : results) {
                    Response r = f.get(60, TimeUnit.SECONDS);
                    assertEquals(200, r.status());
                    if ("APPROVED".equals(r.text("status"))) {
                        approved++;
                    } else if ("INSUFFICIENT_FUNDS".equals(r.text("declineCode"))) {
                        insufficient++;
                    }
                }
                assertEquals(7, approved);
                assertEquals(13, insufficient);
                assertEquals(0, bank.balance(card));
                Response list = bank.get("/v1/debits?accountId=" + card.accountId());
                assertEquals(20, list.body().size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentRetriesOfOneKeyDebitOnce() throws Exception {
        try (TestBank bank = new TestBank()) {
            Card card = bank.openAccount("DEBIT", 10_000);
            ExecutorService pool = Executors.newFixedThreadPool(10);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Response>> results = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return bank.debit("chg_retry", card, 3_000);
                    }));
                }
                go.countDown();
                for (Future<Response> f : results) {
                    Response r = f.get(60, TimeUnit.SECONDS);
                    assertTrue(r.status() == 200 || (r.status() == 409 && "IN_PROGRESS".equals(r.text("code"))), r.toString());
                }
                assertEquals(7_000, bank.balance(card));
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
