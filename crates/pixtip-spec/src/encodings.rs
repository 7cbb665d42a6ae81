//! What a chart's `encode` takes: channels of different kinds together.

use crate::channel::ChannelKind;
use crate::channel::{AnyChannel, Channel};

/// Channels for [`Chart::encode`](crate::Chart::encode) and the facet
/// builders: one channel, a tuple of channels of different kinds
/// (`(X::new("a"), Y::new("b:Q"), Tooltip::list(["c"]))`), or an array or
/// `Vec` of channels of one kind.
pub trait Encodings {
    /// The channels, as a chart holds them.
    fn into_channels(self) -> Vec<Channel>;
}

impl<K: ChannelKind> Encodings for Channel<K> {
    fn into_channels(self) -> Vec<Channel> {
        vec![self.into()]
    }
}

impl Encodings for Channel<AnyChannel> {
    fn into_channels(self) -> Vec<Channel> {
        vec![self]
    }
}

impl<C: Into<Channel>, const N: usize> Encodings for [C; N] {
    fn into_channels(self) -> Vec<Channel> {
        self.into_iter().map(Into::into).collect()
    }
}

impl<C: Into<Channel>> Encodings for Vec<C> {
    fn into_channels(self) -> Vec<Channel> {
        self.into_iter().map(Into::into).collect()
    }
}

macro_rules! tuples {
    ($($name:ident)+) => {
        impl<$($name: Into<Channel>),+> Encodings for ($($name,)+) {
            #[allow(non_snake_case)]
            fn into_channels(self) -> Vec<Channel> {
                let ($($name,)+) = self;
                vec![$($name.into()),+]
            }
        }
    };
}

tuples!(A);
tuples!(A B);
tuples!(A B C);
tuples!(A B C D);
tuples!(A B C D E);
tuples!(A B C D E F);
tuples!(A B C D E F G);
tuples!(A B C D E F G H);
tuples!(A B C D E F G H I);
tuples!(A B C D E F G H I J);
tuples!(A B C D E F G H I J K);
tuples!(A B C D E F G H I J K L);
tuples!(A B C D E F G H I J K L M);
tuples!(A B C D E F G H I J K L M N);
tuples!(A B C D E F G H I J K L M N O);
tuples!(A B C D E F G H I J K L M N O P);
