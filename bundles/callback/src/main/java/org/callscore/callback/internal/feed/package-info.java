/** The callbacks' iCalendar feeds: secrets (hashed) in {@code callback_feed}, events written with ical4j. */
package org.callscore.callback.internal.feed;
