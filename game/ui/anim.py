"""Small, calm motion: ease-out tweens that finish at once when motion is off."""

from __future__ import annotations


def ease_out(t: float) -> float:
    t = min(1.0, max(0.0, t))
    return 1 - (1 - t) ** 3


class Tween:
    """A value going from 0 to 1 over ``duration`` seconds, eased out."""

    def __init__(self, duration: float = 0.18, *, enabled: bool = True, delay: float = 0.0) -> None:
        self.duration = duration if enabled else 0.0
        self.delay = delay if enabled else 0.0
        self.elapsed = 0.0

    def update(self, dt: float) -> bool:
        """Advance; True while still moving."""
        if self.done:
            return False
        self.elapsed += dt
        return not self.done

    @property
    def done(self) -> bool:
        return self.elapsed >= self.duration + self.delay

    @property
    def value(self) -> float:
        if self.duration <= 0:
            return 1.0
        return ease_out((self.elapsed - self.delay) / self.duration)

    def finish(self) -> None:
        self.elapsed = self.duration + self.delay
