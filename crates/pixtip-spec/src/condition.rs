//! Conditional encodings: Altair's `alt.condition(...)` and
//! `alt.when(...).then(...).otherwise(...)`.

use crate::channel::Channel;
use crate::predicate::Predicate;

impl<K> Channel<K> {
    /// Uses `then` where `predicate` holds and `otherwise` elsewhere
    /// (Altair's `alt.condition(predicate, then, otherwise)`: one condition
    /// object). The predicate is a param or an expression such as `"datum.y > 0"`.
    pub fn when(
        predicate: impl Into<Predicate>,
        then: impl Into<Channel>,
        otherwise: Channel<K>,
    ) -> Channel<K> {
        let mut out = otherwise;
        out.conditions = vec![(predicate.into(), then.into())];
        out.condition_list = false;
        out
    }
}

/// Starts a chain of conditions (Altair's `alt.when(predicate)`):
/// `when(&select).then(Opacity::value(1)).otherwise(Opacity::value(0.3))`.
/// The conditions are written as a list, in order, as Altair does.
pub fn when(predicate: impl Into<Predicate>) -> When {
    When {
        done: Vec::new(),
        predicate: predicate.into(),
    }
}

/// A condition waiting for its `then`.
#[derive(Debug, Clone)]
pub struct When {
    done: Vec<(Predicate, Channel)>,
    predicate: Predicate,
}

impl When {
    /// The definition used where the predicate holds.
    pub fn then(mut self, then: impl Into<Channel>) -> Then {
        self.done.push((self.predicate, then.into()));
        Then { done: self.done }
    }
}

/// Conditions waiting for another `when` or the `otherwise`.
#[derive(Debug, Clone)]
pub struct Then {
    done: Vec<(Predicate, Channel)>,
}

impl Then {
    /// Another condition, tried after the earlier ones.
    pub fn when(self, predicate: impl Into<Predicate>) -> When {
        When {
            done: self.done,
            predicate: predicate.into(),
        }
    }

    /// The definition used where no condition holds.
    pub fn otherwise<K>(self, otherwise: Channel<K>) -> Channel<K> {
        let mut out = otherwise;
        out.conditions = self.done;
        out.condition_list = true;
        out
    }
}
